/**
 * Technical types every feature may use: problem+json and domain refusals, uploads checks, PDF and CSV writers, French
 * dates and amounts, secure tokens and hashing, the password rule, the production settings check. An open module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package fr.fraisdejustice.shared;

import org.springframework.modulith.ApplicationModule;
