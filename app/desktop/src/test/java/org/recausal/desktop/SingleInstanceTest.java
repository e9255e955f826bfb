package org.recausal.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches in other processes, as a double-click does, against an instance in this one. */
class SingleInstanceTest {
    @TempDir
    Path tempDir;
    private Path temp;

    private final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();

    /** The launches' working directory is {@code temp}, as the OS reports it (no symbolic links). */
    @BeforeEach
    void resolveTemp() throws IOException {
        temp = tempDir.toRealPath();
    }

    @Test
    void aLaterLaunchHandsItsFileMadeAbsoluteToTheRunningInstance() throws Exception {
        Path config = temp.resolve("config");
        Path workingDirectory = Files.createDirectories(temp.resolve("downloads")).toRealPath();
        try (SingleInstance instance = SingleInstance.claim(config, List.of()).orElseThrow()) {
            instance.receive(received::add);

            assertThat(launch(config, workingDirectory, "shop.recausal")).isEqualTo("handed off");

            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .containsExactly(workingDirectory.resolve("shop.recausal").toString());
        }
    }

    @Test
    void launchesBeforeTheWindowIsReadyAreDeliveredWhenItListens() throws Exception {
        Path config = temp.resolve("config");
        try (SingleInstance instance = SingleInstance.claim(config, List.of()).orElseThrow()) {
            assertThat(launch(config, temp, "a.recausal")).isEqualTo("handed off");
            assertThat(launch(config, temp)).isEqualTo("handed off");

            instance.receive(received::add);

            assertThat(received.poll(10, TimeUnit.SECONDS)).containsExactly(temp.resolve("a.recausal").toString());
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void theNextLaunchBecomesTheInstanceOnceTheRunningOneEnds() throws Exception {
        Path config = temp.resolve("config");
        SingleInstance.claim(config, List.of()).orElseThrow().close();

        // The address file of the ended instance is still there, pointing at a closed port.
        assertThat(config.resolve(SingleInstance.ADDRESS_FILE)).exists();
        assertThat(launch(config, temp, "a.recausal")).isEqualTo("instance");
    }

    @Test
    void theAddressIsReadableByTheUserOnly() throws Exception {
        Path config = temp.resolve("config");
        try (SingleInstance instance = SingleInstance.claim(config, List.of()).orElseThrow()) {
            Path address = config.resolve(SingleInstance.ADDRESS_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(address))).isEqualTo("rw-------");
            assertThat(Files.readString(address, StandardCharsets.UTF_8)).matches("\\d+ [0-9a-f]{64}\n");
        }
    }

    @Test
    void aRequestWithoutTheTokenIsIgnored() throws Exception {
        Path config = temp.resolve("config");
        try (SingleInstance instance = SingleInstance.claim(config, List.of()).orElseThrow()) {
            instance.receive(received::add);
            int port = Integer.parseInt(Files.readString(config.resolve(SingleInstance.ADDRESS_FILE)).split(" ")[0]);

            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
                out.writeUTF("00".repeat(32));
                out.writeInt(1);
                out.writeUTF("/tmp/planted.recausal");
                out.flush();
                // The instance hangs up without an answer (an end of stream, or a reset for the unread rest).
                DataInputStream in = new DataInputStream(socket.getInputStream());
                assertThatThrownBy(in::readUTF).isInstanceOf(IOException.class);
            }

            assertThat(launch(config, temp, "real.recausal")).isEqualTo("handed off");
            assertThat(received.poll(10, TimeUnit.SECONDS)).containsExactly(temp.resolve("real.recausal").toString());
            assertThat(received).isEmpty();
        }
    }

    /** Runs {@link HandOffProbe} in a new JVM, as a second launch of the app would be. */
    private static String launch(Path config, Path workingDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                HandOffProbe.class.getName(), config.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launch ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
