package dev.gtvpc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the commit the build recorded (scripts/build-info.sh); classes compiled outside
 * Maven have neither and say so.
 */
public final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "build-info.properties";

    @Override
    public String[] getVersion() {
        return new String[] {line(RESOURCE)};
    }

    static String line(String resource) {
        Properties info = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "gtvpc (development build, commit unknown)";
            }
            info.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "gtvpc " + info.getProperty("version", "(unknown version)") + " (commit " + info.getProperty("commit", "unknown") + ")";
    }
}
