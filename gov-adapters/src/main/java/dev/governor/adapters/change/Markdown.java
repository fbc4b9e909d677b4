package dev.governor.adapters.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown document cut into labelled sections with a CommonMark parser: a section starts at a heading
 * (any level) or at a bold label that begins a line of a top-level paragraph ({@code **Intent:**}), and its
 * content is the document's own text up to where another section starts. The parser, not line matching,
 * says what is a heading: one inside a fenced or indented code block, an HTML comment or a paragraph's
 * continuation is content.
 */
final class Markdown {

    /** Bounds the parser's nesting, so that no input makes it recurse or allocate without end. */
    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .maxOpenBlockParsers(64)
            .maxInlineNesting(32)
            .build();

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Where a section starts.
     *
     * @param label        the heading's or bold label's text, as written
     * @param level        1 to 6 for a heading, 0 for a bold label
     * @param line         its 1-based line
     * @param start        the offset in the text where the label starts
     * @param contentStart the offset where its content starts
     */
    record Mark(String label, int level, int line, int start, int contentStart) {
        boolean heading() {
            return level > 0;
        }
    }

    private final String text;
    private final List<Mark> marks;

    private Markdown(String text, List<Mark> marks) {
        this.text = text;
        this.marks = List.copyOf(marks);
    }

    /** Line ends as {@code \n}, whatever the file had; a BOM is dropped. */
    static String normalize(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        return !t.isEmpty() && t.charAt(0) == '\uFEFF' ? t.substring(1) : t;
    }

    /**
     * Cuts {@code text} (already normalized) into sections.
     *
     * @param named whether a label's (normalized) text names a section the caller knows: a setext heading
     *              ({@code Intent} underlined) or a bold word followed by text is a label only then, since
     *              both are also written as emphasis or a stray rule under a line
     */
    static Markdown parse(String text, Predicate<String> named) {
        Document document = (Document) PARSER.parse(text);
        List<Mark> marks = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                String label = plain(heading);
                boolean setext = !text.startsWith("#", firstNonSpace(text, offset(block, lineStarts)));
                if (setext && !named.test(name(label))) {
                    continue; // "Other words" underlined with --- is more likely a rule than a section
                }
                marks.add(new Mark(label, heading.getLevel(), line(block), offset(block, lineStarts),
                        end(block, lineStarts)));
            } else if (block instanceof Paragraph paragraph) {
                labels(paragraph, named, text, marks);
            }
        }
        return new Markdown(text, marks);
    }

    /** The bold labels that begin a line of a paragraph. */
    private static void labels(Paragraph paragraph, Predicate<String> named, String text, List<Mark> marks) {
        boolean lineStart = true;
        for (Node inline = paragraph.getFirstChild(); inline != null; inline = inline.getNext()) {
            if (lineStart && inline instanceof StrongEmphasis strong && !strong.getSourceSpans().isEmpty()) {
                String label = plain(strong);
                String rest = restOfLine(strong.getNext());
                boolean colonAfter = rest.startsWith(":");
                // a bold word inside prose is no label unless it stands alone, ends in a colon or is a known name
                if (rest.isBlank() || colonAfter || label.strip().endsWith(":") || named.test(name(label))) {
                    SourceSpan last = strong.getSourceSpans().get(strong.getSourceSpans().size() - 1);
                    int start = strong.getSourceSpans().get(0).getInputIndex();
                    int contentStart = last.getInputIndex() + last.getLength();
                    if (colonAfter) {
                        contentStart = skipColon(text, contentStart);
                    }
                    marks.add(new Mark(label, 0, strong.getSourceSpans().get(0).getLineIndex() + 1, start, contentStart));
                }
            }
            lineStart = inline instanceof SoftLineBreak || inline instanceof HardLineBreak;
        }
    }

    /** The offset just past the colon that follows a label (spaces before it allowed). */
    private static int skipColon(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i + 1 : from;
    }

    /** The text that follows an inline on its line, as plain text. */
    private static String restOfLine(Node from) {
        StringBuilder out = new StringBuilder();
        for (Node n = from; n != null && !(n instanceof SoftLineBreak) && !(n instanceof HardLineBreak); n = n.getNext()) {
            out.append(plain(n));
        }
        return out.toString().stripLeading();
    }

    /** A node's text without markup: text and code literals, depth first. */
    static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        plain(node, out, 0);
        return out.toString();
    }

    private static void plain(Node node, StringBuilder out, int depth) {
        if (node instanceof Text t) {
            out.append(t.getLiteral());
        } else if (node instanceof Code c) {
            out.append(c.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        }
        if (depth < 64) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                plain(child, out, depth + 1);
            }
        }
    }

    /** A label as names compare: trailing colons dropped, runs of spaces as one, lower case. */
    static String name(String label) {
        String l = label.strip();
        while (l.endsWith(":")) {
            l = l.substring(0, l.length() - 1).strip();
        }
        return SPACES.matcher(l).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    List<Mark> marks() {
        return marks;
    }

    /** The text from a mark's content to where the next section starts (any heading or label). */
    String content(int index) {
        int end = index + 1 < marks.size() ? marks.get(index + 1).start() : text.length();
        return slice(marks.get(index).contentStart(), end);
    }

    /**
     * The text from a heading's content to the next heading of its level or above ({@code ##} sections keep
     * their {@code ###} parts), or the next bold label at the same depth.
     */
    String nestedContent(int index) {
        Mark mark = marks.get(index);
        int end = text.length();
        for (int i = index + 1; i < marks.size(); i++) {
            Mark next = marks.get(i);
            if (next.heading() && (!mark.heading() || next.level() <= mark.level()) || !next.heading() && !mark.heading()) {
                end = next.start();
                break;
            }
        }
        return slice(mark.contentStart(), end);
    }

    /** The text before the first section (an ADR's preamble, after its title). */
    String before(int offset) {
        int end = marks.isEmpty() ? text.length() : marks.get(0).start();
        return slice(0, Math.max(0, Math.min(end, offset)));
    }

    private String slice(int from, int to) {
        int a = Math.max(0, Math.min(from, text.length()));
        int b = Math.max(a, Math.min(to, text.length()));
        return text.substring(a, b);
    }

    /** Content as a reader means it: HTML comments (even unclosed) removed, and stripped. */
    static String clean(String content) {
        return HTML_COMMENT.matcher(content).replaceAll("").strip();
    }

    private static int line(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static int offset(Node block, int[] lineStarts) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? 0 : lineStarts[spans.get(0).getLineIndex()];
    }

    /** The offset of the line after a block's last line. */
    private static int end(Node block, int[] lineStarts) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return 0;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        int next = last.getLineIndex() + 1;
        return next < lineStarts.length ? lineStarts[next] : last.getInputIndex() + last.getLength();
    }

    private static int firstNonSpace(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
