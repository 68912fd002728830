package dev.gtvpc.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Mixin} field whose mixin declares one shared option (or positional parameter): the
 * help text of that option in this command. An option such as {@code --region} is declared once,
 * with its name, label, type, completion candidates and checks; what it means for the command —
 * "turns on the Ground Truth rules", "a bucket elsewhere is refused" — is the command's to say.
 * Without it the mixin's own description stands. See {@link OptionWording}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Wording {
    String value();
}
