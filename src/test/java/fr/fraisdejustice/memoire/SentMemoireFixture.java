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
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        StructureWithBankAccount ready = StructureWithBankAccount.create(context.getBean(Providers.class), new Http(port),
                context.getBean(ObjectMapper.class));
        ready.signMandate(engine, context.getBean(MandateSignature.class), context.getBean(GreenMail.class));
        SentMemoires sent = new SentMemoires(ready, context.getBean(MemoireDrafts.class),
                context.getBean(MemoireAttachments.class), context.getBean(MemoireSubmission.class), engine);
        return new Sent(ready.manager(), sent.tariffed());
    }
}
