package fr.fraisdejustice.staff;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff passwords in the engine (docs/adr/0003-staff-passwords-pbkdf2.md): PBKDF2 as the engine's password encryptor
 * (Camunda's SHA and SHA-512 checkers stay built into its PasswordManager, so the hashes written before still verify),
 * our identity provider that re-hashes them at the next login, and the providers' password rule as the engine's
 * password policy. The login throttling is set in application.yml ({@code camunda.bpm.generic-properties}).
 */
@Configuration(proxyBeanMethods = false)
class StaffPasswordsConfiguration {

    @Bean
    ProcessEnginePlugin staffPasswordsPlugin(@Value("${fdj.staff-passwords.pbkdf2-iterations}") int iterations) {
        Pbkdf2PasswordEncryptor encryptor = new Pbkdf2PasswordEncryptor(iterations);
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getIdentityProviderSessionFactory() != null) {
                    throw new IllegalStateException("Another identity provider is configured ("
                            + configuration.getIdentityProviderSessionFactory().getSessionType().getName()
                            + "): staff passwords need fr.fraisdejustice.staff.StaffIdentityProvider");
                }
                configuration.setPasswordEncryptor(encryptor);
                configuration.setIdentityProviderSessionFactory(new StaffIdentityProvider.Factory(encryptor));
                configuration.setPasswordPolicy(new StaffPasswordPolicy());
                configuration.setEnablePasswordPolicy(true);
            }
        };
    }
}
