package dev.gtvpc.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * gtvpc's commands, in the order help lists them. They are registered here rather than in
 * {@code @Command(subcommands = ...)} because picocli builds every annotated subcommand's model by
 * reflection as soon as the root is created, and a run that names its command needs only the
 * commands on its path: {@code policy generate} then builds 3 models instead of 24, which is most of
 * what picocli costs at start. Whatever needs the whole tree (a group's help, completion, a mistyped
 * or abbreviated command, options before the command's name) gets the whole tree.
 */
final class CommandTree {
    /** A command's name as typed, its picocli class, and its subcommands (none for a leaf). */
    record Node(String name, Class<?> type, List<Node> children) {
        Node {
            children = List.copyOf(children);
        }

        boolean leaf() {
            return children.isEmpty();
        }
    }

    static final Node ROOT = node("gtvpc", GtvpcCommand.class,
            node("policy", PolicyCommand.class,
                    leaf("generate", PolicyGenerateCommand.class),
                    leaf("lint", PolicyLintCommand.class),
                    leaf("verify", PolicyVerifyCommand.class),
                    leaf("simulate", PolicySimulateCommand.class),
                    leaf("test", PolicyTestCommand.class),
                    leaf("get", PolicyGetCommand.class),
                    leaf("apply", PolicyApplyCommand.class),
                    leaf("rollback", PolicyRollbackCommand.class)),
            node("regions", RegionsCommand.class,
                    leaf("list", RegionsCommand.ListCommand.class),
                    leaf("show", RegionsCommand.ShowCommand.class)),
            node("endpoint-policy", EndpointPolicyCommand.class,
                    leaf("generate", EndpointPolicyGenerateCommand.class)),
            node("iam-policy", IamPolicyCommand.class,
                    leaf("generate", IamPolicyGenerateCommand.class)),
            node("rcp", RcpCommand.class,
                    leaf("generate", RcpGenerateCommand.class)),
            node("job", JobCommand.class,
                    leaf("vpc-config", JobVpcConfigCommand.class)),
            node("jobs", JobsCommand.class,
                    leaf("in-progress", JobsInProgressCommand.class)),
            leaf("audit", AuditCommand.class),
            leaf("preflight", PreflightCommand.class),
            leaf("completion", CompletionCommand.class),
            leaf("help", HelpCommand.class));

    private CommandTree() {
    }

    private static Node node(String name, Class<?> type, Node... children) {
        return new Node(name, type, List.of(children));
    }

    private static Node leaf(String name, Class<?> type) {
        return new Node(name, type, List.of());
    }

    /**
     * The commands {@code args} names, from the root: only when its first words name a leaf
     * exactly, with no option in between; otherwise the root alone, meaning "build everything".
     */
    static List<Node> path(String[] args) {
        Node at = ROOT;
        java.util.ArrayList<Node> path = new java.util.ArrayList<>();
        path.add(at);
        for (String arg : args) {
            Node next = null;
            for (Node child : at.children()) {
                if (child.name().equals(arg)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return List.of(ROOT);
            }
            path.add(next);
            at = next;
            if (at.leaf()) {
                // help prints any command's help, so it needs them all
                return at.type() == HelpCommand.class ? List.of(ROOT) : path;
            }
        }
        return List.of(ROOT);
    }

    /** Adds to {@code root} (the root command's line) the commands on {@code path}, or all when it is the root alone. */
    static void addSubcommands(CommandLine root, List<Node> path) {
        if (path.size() == 1) {
            addAll(root, ROOT);
            return;
        }
        CommandLine at = root;
        for (Node n : path.subList(1, path.size())) {
            at.addSubcommand(n.name(), n.type());
            at = at.getSubcommands().get(n.name());
        }
    }

    private static void addAll(CommandLine line, Node node) {
        for (Node child : node.children()) {
            line.addSubcommand(child.name(), child.type());
            if (!child.leaf()) {
                addAll(line.getSubcommands().get(child.name()), child);
            }
        }
    }
}
