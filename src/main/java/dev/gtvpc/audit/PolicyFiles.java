package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Policies already collected, read offline: a directory with one {@code BUCKET.json} per bucket (an
 * empty file: the bucket has none), or a JSON Lines file (or {@code -}, standard input) with one record
 * per line in gtvpc's shape or AWS Config's (see {@link ConfigRecords}). Lines are read one at a time,
 * so the file can be larger than memory. In a directory every {@code *.json} entry counts: one that is
 * not a readable regular file (a directory, a FIFO, a dangling or looping symbolic link) is an
 * unreadable bucket with the reason.
 */
public final class PolicyFiles implements RecordSource {
    private final String path;
    private final String defaultAccount;
    private final String defaultRegion;
    private final Supplier<InputStream> stdin;

    /**
     * {@code defaultAccount}/{@code defaultRegion}: for records that name none ("" when not given);
     * {@code stdin}: what {@code -} reads, asked for only then.
     */
    public PolicyFiles(String path, String defaultAccount, String defaultRegion, Supplier<InputStream> stdin) {
        this.path = path;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.stdin = stdin;
    }

    @Override
    public Totals read(Consumer<BucketRecord> sink) {
        Path p = Path.of(path);
        if (!path.equals("-") && Files.isDirectory(p)) {
            return directory(p, sink);
        }
        if (!path.equals("-") && !Files.isRegularFile(p)) {
            throw GtvpcException.badInput("--policies: " + path + " is neither a directory nor a file");
        }
        try (BufferedReader in = path.equals("-") ? new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8))
                : Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String name = path.equals("-") ? "<stdin>" : path;
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Json.Value v;
                try {
                    v = Json.parse(line);
                } catch (Json.SyntaxException e) {
                    throw GtvpcException.badInput(name + ":" + n + ": not a JSON record: " + e.getMessage());
                }
                String[] problem = new String[1];
                Optional<BucketRecord> r = ConfigRecords.read(v, defaultAccount, defaultRegion, name + ":" + n, problem);
                if (r.isEmpty()) {
                    throw GtvpcException.badInput(name + ":" + n + ": " + problem[0]);
                }
                sink.accept(r.get());
            }
        } catch (IOException e) {
            throw GtvpcException.badInput("--policies: cannot read " + path + ": " + e.getMessage());
        }
        return new Totals(-1, List.of());
    }

    private Totals directory(Path dir, Consumer<BucketRecord> sink) {
        // every *.json entry is a bucket, whatever it turns out to be: one that cannot be read is reported, never skipped
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = new ArrayList<>(list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList());
        } catch (IOException | UncheckedIOException e) {
            throw GtvpcException.badInput("--policies: cannot list " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw GtvpcException.badInput("--policies: " + dir + " holds no .json file (one BUCKET.json per bucket)");
        }
        for (Path f : files) {
            String file = f.getFileName().toString();
            String bucket = file.substring(0, file.length() - ".json".length());
            Optional<String> problem = problem(f);
            String text = null;
            if (problem.isEmpty()) {
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException | UncheckedIOException e) {
                    problem = Optional.of("cannot read " + f + ": " + reason(e));
                }
            }
            if (problem.isPresent()) {
                sink.accept(BucketRecord.unreadable(bucket, defaultAccount, defaultRegion, problem.get(), Map.of(), f.toString()));
            } else {
                sink.accept(text.isBlank() ? BucketRecord.noPolicy(bucket, defaultAccount, defaultRegion, Map.of(), f.toString())
                        : BucketRecord.withPolicy(bucket, defaultAccount, defaultRegion, text, Map.of(), f.toString()));
            }
        }
        return new Totals(files.size(), List.of());
    }

    /** Why {@code f} is not a file gtvpc can read as a policy (checked before it is opened: a FIFO would block), if it is not. */
    private static Optional<String> problem(Path f) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(f)) {
                String target;
                try {
                    target = Files.readSymbolicLink(f).toString();
                } catch (IOException inner) {
                    target = "its target";
                }
                return Optional.of(f + " is a symbolic link to " + target + ", which does not exist");
            }
            return Optional.of("no such file: " + f);
        } catch (IOException e) {
            // a loop of symbolic links ends here: "Too many levels of symbolic links"
            return Optional.of("cannot read " + f + ": " + reason(e));
        }
        if (attributes.isDirectory()) {
            return Optional.of(f + " is a directory, not a policy file");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of(f + " is not a regular file (a FIFO, socket or device), so it was not opened");
        }
        return Optional.empty();
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        return t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(t.getMessage());
    }
}
