package fr.fraisdejustice.memoire;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.Http;

/** For the other features' tests: a ready structure's manager and a mémoire of his, sent to the Paris greffe. */
public final class SentMemoireFixture {

    public record Sent(Providers.Provider manager, String mjNumber) {
    }

    private SentMemoireFixture() {
    }

    public static Sent send(ApplicationContext context, int port) throws IOException {
        SentMemoires sent = SentMemoires.forNewStructure(context, port);
        return new Sent(sent.ready().manager(), sent.tariffed());
    }
}
