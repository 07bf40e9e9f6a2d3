package fr.fraisdejustice.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded default for mail: an in-process SMTP server that keeps every message, and the development mailbox that
 * shows them. Active outside the {@code prod} profile while no {@code spring.mail.host} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedMail
class DevelopmentMailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail developmentMailServer(@Value("${fdj.dev-mail.smtp-port:0}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail developmentMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(developmentMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
