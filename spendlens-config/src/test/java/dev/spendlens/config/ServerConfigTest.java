package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void servesThisMachineWithoutAToken(String bind) {
        ServerConfig server = new ServerConfig(8080, bind, Optional.empty());

        assertThat(server.loopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.5", "10.0.0.7", "spendlens.internal", "128.0.0.1"})
    void requiresATokenWhenReachableFromOtherMachines(String bind) {
        assertThatThrownBy(() -> new ServerConfig(8080, bind, Optional.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("server.api-token-sha256 is required")
                .hasMessageContaining("SPENDLENS_SERVER_API_TOKEN_SHA256");
        assertThat(new ServerConfig(8080, bind, Optional.of(TOKEN_HASH)).loopback()).isFalse();
    }

    @Test
    void storesTheTokenHashInLowerCase() {
        assertThat(new ServerConfig(8080, "0.0.0.0", Optional.of(TOKEN_HASH.toUpperCase())).apiTokenSha256()).contains(TOKEN_HASH);
    }

    @Test
    void rejectsATokenThatIsNotAHash() {
        assertThatThrownBy(() -> new ServerConfig(8080, "127.0.0.1", Optional.of("correct horse battery staple")))
                .hasMessageContaining("must be 64 hex digits")
                .hasMessageNotContaining("horse");
    }

    @Test
    void rejectsPortsOutOfRangeAndAnEmptyBind() {
        assertThatThrownBy(() -> new ServerConfig(65_536, "127.0.0.1", Optional.empty())).hasMessageContaining("server.port 65536");
        assertThatThrownBy(() -> new ServerConfig(8080, " ", Optional.empty())).hasMessageContaining("server.bind is empty");
    }
}
