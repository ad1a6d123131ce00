package io.gatescope.io;

import io.gatescope.text.Quote;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a UTF-8 text file line by line within limits, so a 3 GB file or {@code /dev/zero} becomes a
 * message, not an OutOfMemoryError: no line beyond {@code maxLine} characters, no more than
 * {@code maxLines} lines. A byte-order mark at the start is skipped (editors on Windows write one).
 * Line ends are \n, \r\n or \r.
 */
public final class TextLines {
    private TextLines() {
    }

    /**
     * The file's lines. {@code expected} ends every message ("one sum such as 67+60 per line").
     *
     * @throws FileException naming the file and the line when the file cannot be read or breaks a limit
     */
    public static List<String> read(Path file, int maxLine, int maxLines, String expected) throws FileException {
        if (Files.isDirectory(file)) throw new FileException(file, "is a directory; expected a text file with " + expected);
        List<String> lines = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            StringBuilder line = new StringBuilder();
            char[] buf = new char[8192];
            boolean afterCr = false;
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    if (c == '\n' || c == '\r') {
                        add(file, lines, line, maxLines, expected);
                        continue;
                    }
                    if (c == '\uFEFF' && lines.isEmpty() && line.length() == 0) continue;
                    line.append(c);
                    if (line.length() > maxLine) {
                        throw new FileException(file, String.format(Locale.ROOT, "line %,d is longer than %,d characters"
                                + " (\"%s\"); expected %s", lines.size() + 1, maxLine, Quote.text(line.toString(), 20), expected));
                    }
                }
            }
            if (line.length() > 0) add(file, lines, line, maxLines, expected);
        } catch (NoSuchFileException e) {
            throw new FileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new FileException(file, "cannot read it (permission denied)");
        } catch (CharacterCodingException e) {
            throw new FileException(file, "line " + (lines.size() + 1) + " is not UTF-8 text; expected " + expected);
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read it (" + e.getMessage() + ")", e);
        }
        return lines;
    }

    private static void add(Path file, List<String> lines, StringBuilder line, int maxLines, String expected) throws FileException {
        if (lines.size() == maxLines) {
            throw new FileException(file, String.format(Locale.ROOT, "has more than %,d lines; expected %s, at most %,d lines",
                    maxLines, expected, maxLines));
        }
        lines.add(line.toString());
        line.setLength(0);
    }
}
