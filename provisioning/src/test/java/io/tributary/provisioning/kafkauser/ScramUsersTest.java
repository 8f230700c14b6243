package io.tributary.provisioning.kafkauser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterUserScramCredentialsResult;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Retiring a SCRAM user never sends a deletion (issue 20): its credential is overwritten with an unknowable one. */
class ScramUsersTest {

    @Test
    @SuppressWarnings("unchecked")
    void disablingAUserUpsertsARandomCredentialAndNeverDeletes() throws Exception {
        Admin admin = mock(Admin.class);
        when(admin.alterUserScramCredentials(anyList())).thenAnswer(call -> new AlterUserScramCredentialsResult(
                Map.of("bobby", KafkaFuture.completedFuture(null))));

        ScramUsers.disable(admin, "bobby");
        ScramUsers.disable(admin, "bobby");

        ArgumentCaptor<List<UserScramCredentialAlteration>> sent = ArgumentCaptor.forClass(List.class);
        verify(admin, times(2)).alterUserScramCredentials(sent.capture());
        List<UserScramCredentialUpsertion> upserts = new ArrayList<>();
        for (List<UserScramCredentialAlteration> alterations : sent.getAllValues()) {
            assertThat(alterations).hasSize(1).allSatisfy(a -> assertThat(a).isInstanceOf(UserScramCredentialUpsertion.class));
            upserts.add((UserScramCredentialUpsertion) alterations.get(0));
        }
        assertThat(upserts).allSatisfy(u -> {
            assertThat(u.user()).isEqualTo("bobby");
            assertThat(u.credentialInfo().mechanism()).isEqualTo(ScramMechanism.SCRAM_SHA_512);
            assertThat(u.password()).hasSizeGreaterThanOrEqualTo(32);
        });
        // a fresh secret and salt each time: nothing about the old or the new password can be derived
        assertThat(upserts.get(0).password()).isNotEqualTo(upserts.get(1).password());
        assertThat(upserts.get(0).salt()).isNotEqualTo(upserts.get(1).salt());
    }
}
