package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training threads run at the lowered priority on Linux: in a thread that asks for it, and in a command. */
class BackgroundPriorityTest {
    @TempDir
    Path dir;

    @Test
    void aThreadThatLowersItselfPassesItOnToTheTrainersShardThread() throws Exception {
        assumeTrue(ThreadNiceness.supported(), "Linux only");
        CompletableFuture<Map<String, Integer>> during = new CompletableFuture<>();
        CompletableFuture<Integer> before = new CompletableFuture<>();
        Thread coordinator = new Thread(() -> {
            try {
                before.complete(BackgroundPriority.niceness());
                BackgroundPriority.lowerCurrentThread();
                Trainer t = new Trainer(TrainingConfig.defaults("lstm", 4).withEpochs(2).withThreads(2)
                        .with(TrainingSetting.EXAMPLES, 400).with(TrainingSetting.BATCH, 32));
                // the shard thread is the task named so that the run adds (other gatescope-training… threads look the same)
                Set<String> earlier = ThreadNiceness.of("self", "gatescope-train").keySet();
                t.run(s -> {   // the first epoch's end, on the coordinator, while the shard thread lives
                    if (during.isDone()) return;
                    Map<String, Integer> seen = new HashMap<>(ThreadNiceness.of("self", "gatescope-train"));
                    seen.keySet().removeAll(earlier);
                    seen.putAll(ThreadNiceness.of("self", "gatescope-test-"));
                    during.complete(seen);
                });
            } catch (Exception e) {
                before.completeExceptionally(e);
                during.completeExceptionally(e);
            }
        }, "gatescope-test-coordinator");
        coordinator.start();
        coordinator.join();
        assumeTrue(before.get() < BackgroundPriority.NICENESS, "this thread was niced already");
        Map<String, Integer> seen = during.get();
        assertThat(seen).as("the coordinator and the shard thread").hasSize(2);
        assertThat(seen.values()).containsOnly(BackgroundPriority.NICENESS);
    }

    @Test
    void aCommandsTrainingThreadsRunNiced() throws Exception {
        assumeTrue(ThreadNiceness.supported(), "Linux only");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "io.gatescope.Launcher", "train", "--cell", "lstm", "--hidden", "8", "--examples", "400", "--batch", "16",
                "--epochs", "1000", "--threads", "2", "--out", dir.resolve("m.json").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            String pid = Long.toString(p.pid());
            Map<String, Integer> shard = Map.of();
            // the shard thread starts with the first batch; wait for it (bounded by the process: it trains for long)
            while (shard.isEmpty() && p.isAlive()) {
                shard = ThreadNiceness.of(pid, "gatescope-train");
                if (shard.isEmpty()) p.waitFor(20, TimeUnit.MILLISECONDS);
            }
            assertThat(shard).as("the command's training thread, while it trains; its output: %s",
                    Files.exists(dir.resolve("out.txt")) ? Files.readString(dir.resolve("out.txt")) : "").isNotEmpty();
            assertThat(shard.values()).containsOnly(BackgroundPriority.NICENESS);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void readsItsOwnNiceness() throws Exception {
        assumeTrue(ThreadNiceness.supported(), "Linux only");
        String self = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        assertThat(BackgroundPriority.niceness()).isEqualTo(ThreadNiceness.of("self", "").get(self));
    }
}
