package fr.fraisdejustice.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.PortalSession;

/** The gestionnaire principal removes a member, a member leaves: access ends at once, open sessions included. */
@IntegrationTest
class MemberRemovalTest {

    static final String PASSWORD = "Expertise-2026!";

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRemovedMemberLosesTheStructureAndHisOpenSessionsAtOnce() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        PortalSession browser = PortalSession.logIn(http, member.email(), PASSWORD);
        assertThat(browser.get("/api/structures/" + manager.structureId()).statusCode()).isEqualTo(200);

        var removal = http.json("DELETE", "/api/structures/" + manager.structureId() + "/members/" + member.accountId(),
                null, "Authorization", manager.basic());

        assertThat(removal.statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/me").statusCode()).as("his session ended").isEqualTo(401);
        assertThat(http.send(http.request("/api/structures/" + manager.structureId())
                .header("Authorization", member.basic())).statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberLeavesButTheGestionnairePrincipalMustHandOverFirst() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        String base = "/api/structures/" + manager.structureId() + "/members/";

        assertThat(http.json("DELETE", base + member.accountId(), null, "Authorization", member.basic()).statusCode())
                .isEqualTo(204);
        var managerLeaving = http.json("DELETE", base + manager.accountId(), null, "Authorization", manager.basic());
        assertThat(managerLeaving.statusCode()).isEqualTo(409);
        assertThat(managerLeaving.body()).contains("PRINCIPAL_MANAGER_CANNOT_LEAVE");
    }

    @Test
    void onlyTheGestionnairePrincipalRemovesOthers() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Providers.Provider other = providers.memberOf(manager);
        Providers.Provider stranger = providers.withOwnStructure();
        String base = "/api/structures/" + manager.structureId() + "/members/";

        assertThat(http.json("DELETE", base + other.accountId(), null, "Authorization", member.basic()).statusCode())
                .isEqualTo(403);
        assertThat(http.json("DELETE", base + other.accountId(), null, "Authorization", stranger.basic()).statusCode())
                .isEqualTo(404);
        assertThat(http.json("DELETE", base + stranger.accountId(), null, "Authorization", manager.basic()).statusCode())
                .isEqualTo(404);
    }
}
