package org.recausal.desktop;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Recausal per user: a launch while the same user's Recausal runs (double-clicking a project file, the
 * menu entry, {@code recausal FILE}) hands its arguments to the running instance and exits.
 *
 * <p>The running instance holds an OS lock on {@value #LOCK_FILE} in the per-user config folder, which the
 * OS releases however the process ends, and listens on a loopback port. {@value #ADDRESS_FILE} beside the
 * lock holds the port and a random token, readable by the user only, so that no other account on the machine
 * can make the window open files. A launch that cannot take the lock sends the token and its arguments, made
 * absolute against its own working directory, and waits for the running instance to acknowledge them.
 */
public final class SingleInstance implements AutoCloseable {
    static final String LOCK_FILE = "instance.lock";
    static final String ADDRESS_FILE = "instance.address";
    private static final String ACKNOWLEDGED = "ok";
    /** How long a launch keeps trying while the running instance is still starting (or left a stale address). */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final int TIMEOUT_MILLIS = 2_000;
    /** A request carries a handful of file names; more is not a Recausal launch. */
    private static final int MAX_ARGUMENTS = 256;

    private static volatile SingleInstance current;

    private final FileChannel lockChannel;
    private final ServerSocket server;
    private final byte[] token;
    private final List<List<String>> undelivered = new ArrayList<>();
    private Consumer<List<String>> receiver;

    private SingleInstance(FileChannel lockChannel, Path addressFile) throws IOException {
        this.lockChannel = lockChannel;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.token = new byte[32];
        new SecureRandom().nextBytes(token);
        try {
            writeAddress(addressFile, server.getLocalPort() + " " + HexFormat.of().formatHex(token));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Thread listener = new Thread(this::listen, "recausal-single-instance");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * For the launcher: hands {@code args} to this user's running Recausal and returns true, or makes this
     * process the one later launches hand off to and returns false. When that fails (an unwritable config
     * folder, an instance that does not answer) it says why on stderr and returns false: the app then runs
     * on its own.
     */
    public static boolean handOff(Path configDirectory, List<String> args) {
        try {
            Optional<SingleInstance> claimed = claim(configDirectory, args);
            claimed.ifPresent(instance -> current = instance);
            return claimed.isEmpty();
        } catch (IOException e) {
            System.err.println("recausal: opening a separate window: " + e.getMessage());
            return false;
        }
    }

    /**
     * For the app: passes the arguments of each later launch to {@code receiver}, on a background thread;
     * those that arrived before it was set are passed now. Does nothing when this process is not the instance.
     */
    public static void onHandOff(Consumer<List<String>> receiver) {
        SingleInstance instance = current;
        if (instance != null) {
            instance.receive(receiver);
        }
    }

    /** Becomes the running instance for {@code directory}, or hands {@code args} to it and returns empty. */
    static Optional<SingleInstance> claim(Path directory, List<String> args) throws IOException {
        Files.createDirectories(directory);
        List<String> absolute = args.stream().map(SingleInstance::absolute).toList();
        Path addressFile = directory.resolve(ADDRESS_FILE);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(channel)) {
                try {
                    return Optional.of(new SingleInstance(channel, addressFile));
                } catch (IOException e) {
                    channel.close(); // let a later launch try instead of waiting on a mute instance
                    throw e;
                }
            }
            channel.close();
            if (send(addressFile, absolute)) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another Recausal holds " + directory.resolve(LOCK_FILE)
                        + " but does not answer at the address in " + addressFile);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while handing the arguments over", e);
            }
        }
    }

    /** Stops listening and lets another process become the instance. */
    @Override
    public void close() throws IOException {
        server.close();
        lockChannel.close();
    }

    synchronized void receive(Consumer<List<String>> newReceiver) {
        receiver = newReceiver;
        undelivered.forEach(newReceiver);
        undelivered.clear();
    }

    private synchronized void deliver(List<String> args) {
        if (receiver == null) {
            undelivered.add(args);
        } else {
            receiver.accept(args);
        }
    }

    private void listen() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] offered = HexFormat.of().parseHex(in.readUTF());
                if (!MessageDigest.isEqual(token, offered)) {
                    continue;
                }
                int count = in.readInt();
                if (count < 0 || count > MAX_ARGUMENTS) {
                    continue;
                }
                List<String> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    args.add(in.readUTF());
                }
                new DataOutputStream(client.getOutputStream()).writeUTF(ACKNOWLEDGED);
                deliver(List.copyOf(args));
            } catch (IOException | IllegalArgumentException e) {
                // A client that breaks off or speaks nonsense; the next one may be a real launch.
            }
        }
    }

    private static boolean send(Path addressFile, List<String> args) {
        String[] address;
        try {
            address = Files.readString(addressFile, StandardCharsets.UTF_8).strip().split(" ");
        } catch (IOException e) {
            return false;
        }
        if (address.length != 2) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address[0])),
                    TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(address[1]);
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.flush();
            return ACKNOWLEDGED.equals(new DataInputStream(socket.getInputStream()).readUTF());
        } catch (IOException | IllegalArgumentException e) {
            // A stale address (the port is free or someone else's) or an instance still starting up.
            return false;
        }
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** The running instance has another working directory: a relative file name must not change meaning. */
    private static String absolute(String arg) {
        try {
            return Path.of(arg).toAbsolutePath().toString();
        } catch (InvalidPathException e) {
            return arg; // the receiving window reports it
        }
    }

    /** Writes the address readable by the user only, and atomically, so a launch never reads half of it. */
    private static void writeAddress(Path addressFile, String address) throws IOException {
        Path temporary = addressFile.resolveSibling(ADDRESS_FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, address + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, addressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, addressFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
