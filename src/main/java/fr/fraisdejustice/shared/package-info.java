/**
 * Technical types every feature may use: password rule, and (as the modules are verified) problem+json, uploads, PDF and
 * CSV writers, French dates, hashing.
 */
package fr.fraisdejustice.shared;
