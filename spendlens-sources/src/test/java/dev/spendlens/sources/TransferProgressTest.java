package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    private long now;

    @Test
    void formatsSizesInBinaryUnits() {
        assertThat(TransferProgress.size(0)).isEqualTo("0 B");
        assertThat(TransferProgress.size(1023)).isEqualTo("1023 B");
        assertThat(TransferProgress.size(1536)).isEqualTo("1.5 KiB");
        assertThat(TransferProgress.size(12L * 1024 * 1024)).isEqualTo("12.0 MiB");
        assertThat(TransferProgress.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }

    @Test
    void reportsFilesBytesAndRateAtMostOnceASecondAndAtTheEnd() {
        List<String> lines = new ArrayList<>();
        TransferProgress progress = new TransferProgress(3, 6L * 1024 * 1024, lines::add, () -> now);

        now = 500_000_000L;
        progress.transferred(1024 * 1024);
        progress.fileDone();
        assertThat(lines).isEmpty();

        now = 2_000_000_000L;
        progress.transferred(3 * 1024 * 1024);
        progress.fileDone();
        now = 2_500_000_000L;
        progress.transferred(2 * 1024 * 1024);
        progress.fileDone();

        assertThat(lines).containsExactly(
                "downloaded 1/3 files, 4.0 MiB of 6.0 MiB, 2.0 MiB/s",
                "downloaded 3/3 files, 6.0 MiB of 6.0 MiB, 2.4 MiB/s");
    }
}
