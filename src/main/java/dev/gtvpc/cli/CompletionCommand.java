package dev.gtvpc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        header = "Print a shell completion script for gtvpc (bash or zsh).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print a script that completes gtvpc's commands, options and option values (formats, styles, presets)"
                    + " when you press Tab. It is made from this gtvpc's own commands, so it never lags behind them.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(gtvpc completion bash)                       # this shell only",
            "  gtvpc completion bash > ~/.local/share/bash-completion/completions/gtvpc",
            "  echo 'source <(gtvpc completion zsh)' >> ~/.zshrc"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Converters.Shells.class,
            description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!Converters.Shells.CHOICES.contains(shell)) {
            throw dev.gtvpc.GtvpcException.badInput("SHELL: '" + shell + "' is not one of bash, zsh");
        }
        // the run's own tree holds only this command; the script describes them all
        CommandLine all = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        String script = AutoComplete.bash("gtvpc", all);
        if (shell.equals("zsh")) {
            // the same script: it detects zsh and loads zsh's bash-completion emulation itself
            script = "# gtvpc completion for zsh: source it from ~/.zshrc (it loads compinit and bashcompinit)\n" + script;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
        return 0;
    }
}
