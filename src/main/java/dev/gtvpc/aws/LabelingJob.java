package dev.gtvpc.aws;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A labeling job and the S3 locations it reads or writes: the input manifest, the output path, the
 * label-category configuration file and the worker UI template (each present only when the job has it).
 */
public record LabelingJob(String name, String arn, List<Location> locations) {

    /** One S3 URI the job uses, with what it is for ("manifest", "output", "label categories", "UI template"). */
    public record Location(String role, String s3Uri) {
        public Location {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(s3Uri, "s3Uri");
        }

        /** The bucket of an {@code s3://bucket/key} URI, or "" when the URI is not one. */
        public String bucket() {
            if (!s3Uri.regionMatches(true, 0, "s3://", 0, 5)) {
                return "";
            }
            String rest = s3Uri.substring(5);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
    }

    public LabelingJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        locations = List.copyOf(locations);
    }

    /** The locations in {@code bucket} (bucket names are lowercase in S3; compared as such). */
    public List<Location> locationsIn(String bucket) {
        String b = bucket.toLowerCase(Locale.ROOT);
        return locations.stream().filter(l -> l.bucket().toLowerCase(Locale.ROOT).equals(b)).toList();
    }

    public boolean uses(String bucket) {
        return !locationsIn(bucket).isEmpty();
    }
}
