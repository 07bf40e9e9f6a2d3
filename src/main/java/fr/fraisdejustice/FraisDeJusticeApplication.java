package fr.fraisdejustice;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

// provider accounts authenticate against our own tables (account feature), never against a generated in-memory user
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class FraisDeJusticeApplication {

    public static void main(String[] args) {
        SpringApplication.run(FraisDeJusticeApplication.class, args);
    }

    /** Every "now" of the application comes from here, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
