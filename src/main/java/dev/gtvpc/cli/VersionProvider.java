package dev.gtvpc.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; a build from the source tree says so. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"gtvpc " + (version == null ? "(development build)" : version)};
    }
}
