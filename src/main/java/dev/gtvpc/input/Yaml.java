package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a CloudFormation YAML template into the same located tree as JSON. The short-form tags
 * become their long forms ({@code !Sub x} is {@code {"Fn::Sub": x}}, {@code !Ref x} is {@code {"Ref": x}},
 * {@code !GetAtt A.B} is {@code {"Fn::GetAtt": "A.B"}}), so one resolver handles both spellings and
 * JSON templates. Every value keeps the line and column SnakeYAML Engine's composer marks it with.
 * Scalars stay strings unless plainly a number or boolean: IAM compares condition values as text.
 * A tag that is no short form of CloudFormation's is bad input: CloudFormation rejects such a template.
 * gtvpc's own configuration file is read here too ({@link #document}), the one place YAML is parsed.
 */
public final class Yaml {
    /** The short forms of the intrinsic and condition functions (Template Reference, "Intrinsic function reference"). */
    static final Set<String> SHORT_FORMS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split",
            "Sub", "Transform", "Ref", "Condition", "And", "Equals", "If", "Not", "Or");

    private Yaml() {
    }

    static Json.Value parse(String text, String source) {
        return convert(compose(text, source).orElseThrow(() -> GtvpcException.badInput(source + ": the file is empty")), 0, source);
    }

    /**
     * A YAML document that is no template (gtvpc's configuration file), located as a template is; empty
     * when the file holds none (only comments). A tag is bad input: such a file has no use for one.
     */
    public static Optional<Json.Value> document(String text, String source) {
        Optional<Node> root = compose(text, source);
        root.ifPresent(node -> refuseTags(node, source));
        return root.map(node -> convert(node, 0, source));
    }

    private static void refuseTags(Node node, String source) {
        if (node.getTag().getValue().startsWith("!")) {
            throw GtvpcException.badInput(source + ":" + at(node) + ": " + node.getTag().getValue() + ": a tag is not used here;"
                    + " write the value alone");
        }
        if (node instanceof MappingNode map) {
            map.getValue().forEach(t -> refuseTags(t.getValueNode(), source));
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(item -> refuseTags(item, source));
        }
    }

    private static Optional<Node> compose(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true).setMaxAliasesForCollections(50)
                .setCodePointLimit(16 * 1024 * 1024).build();
        Optional<Node> root;
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            root = composer.getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String at = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw GtvpcException.badInput(source + at + ": not YAML: " + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YamlEngineException e) {
            throw GtvpcException.badInput(source + ": not YAML: " + oneLine(e.getMessage()));
        }
        return root;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static SourceLocation at(Node node) {
        return node.getStartMark().map(m -> new SourceLocation(m.getLine() + 1, m.getColumn() + 1)).orElse(SourceLocation.START);
    }

    private static Json.Value convert(Node node, int depth, String source) {
        if (depth > 200) {
            throw GtvpcException.badInput("the template nests deeper than 200 levels");
        }
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && tag.length() > 1) {
            String name = tag.substring(1);
            if (!SHORT_FORMS.contains(name)) {
                throw GtvpcException.badInput(source + ":" + at(node) + ": " + tag + " is not the short form of a CloudFormation function"
                        + " (!Ref, !Sub, !GetAtt, ...), so CloudFormation rejects the template");
            }
            String longForm = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            Json.Value inner = untagged(node, depth, source);
            if (name.equals("GetAtt") && inner instanceof Json.Str s) {
                // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"]
                int dot = s.value().indexOf('.');
                if (dot > 0) {
                    inner = new Json.Arr(List.of(new Json.Str(s.value().substring(0, dot), s.location()),
                            new Json.Str(s.value().substring(dot + 1), s.location())), s.location());
                }
            }
            return new Json.Obj(List.of(new Json.Member(longForm, at(node), inner)), at(node));
        }
        return untagged(node, depth, source);
    }

    private static Json.Value untagged(Node node, int depth, String source) {
        SourceLocation at = at(node);
        if (node instanceof MappingNode map) {
            List<Json.Member> members = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                Node key = t.getKeyNode();
                String name = key instanceof ScalarNode s ? s.getValue() : "?";
                members.add(new Json.Member(name, at(key), convert(t.getValueNode(), depth + 1, source)));
            }
            return new Json.Obj(members, at);
        }
        if (node instanceof SequenceNode seq) {
            List<Json.Value> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, depth + 1, source));
            }
            return new Json.Arr(items, at);
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        String v = s.getValue();
        if (s.isPlain()) {
            if (tag.equals(Tag.NULL) || v.isEmpty() || v.equals("~")) {
                return new Json.Null(at);
            }
            if (tag.equals(Tag.BOOL) || v.equals("true") || v.equals("false")) {
                return new Json.Bool(v.equalsIgnoreCase("true"), at);
            }
            if (v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return new Json.Num(v, at);
            }
        }
        return new Json.Str(v, at);
    }
}
