package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a text input named on the command line: a file, or {@code -} for standard input. */
final class Inputs {
    private Inputs() {
    }

    static String read(String name, String what) {
        try {
            byte[] bytes;
            if (name.equals("-")) {
                InputStream in = System.in;
                bytes = in.readAllBytes();
            } else {
                Path path = Path.of(name);
                if (Files.isDirectory(path)) {
                    throw GtvpcException.badInput(what + ": " + name + " is a directory, not a file");
                }
                bytes = Files.readAllBytes(path);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput(what + ": no such file: " + name);
        } catch (AccessDeniedException e) {
            throw GtvpcException.badInput(what + ": permission denied: " + name);
        } catch (CharacterCodingException e) {
            throw GtvpcException.badInput(what + ": " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw GtvpcException.badInput(what + ": cannot read " + name + ": " + e.getMessage());
        }
    }
}
