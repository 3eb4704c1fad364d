package org.handover.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.server.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The usage help in the user's language: the language of {@code --lang} when the command line has
 * it anywhere, else the language of env LANG, else English (as {@link Options#messages(String)}
 * chooses for messages).
 *
 * <p>The English is the annotations' own text. Ukrainian and Russian come from the resource bundles
 * {@code i18n/help_uk.properties} and {@code i18n/help_ru.properties} (UTF-8), looked up by picocli
 * by its keys: a command's {@code usage.description} and the headings {@code usage.*}, prefixed
 * with the command's qualified name ({@code handover.registry.import.usage.description}); an option
 * under its {@code descriptionKey} or its longest name without dashes, a positional parameter under
 * {@code LABEL[index]}, with the same prefix ({@code handover.registry.import.kind}). Parameter
 * labels are translated word by word under {@code paramLabel.WORD} ({@code FILE}, {@code
 * YYYY-MM-DD}, {@code <kind>}); the values typed (uk|en|ru, CODE|none's none) are no keys, so they
 * stay.
 */
final class HelpLanguage {
  private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  private HelpLanguage() {}

  /**
   * The language of the help for this command line: the last {@code --lang X} or {@code --lang=X}
   * naming a language of Handover, else env LANG's, else English.
   */
  static String of(String[] args) {
    String lang = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break; // what follows is positional: a value, not an option
      }
      String value =
          a.equals("--lang") && i + 1 < args.length
              ? args[i + 1]
              : a.startsWith("--lang=") ? a.substring("--lang=".length()) : null;
      if (value != null && Messages.LANGUAGES.contains(value)) {
        lang = value;
      }
    }
    String chosen = Options.language(lang);
    return Messages.LANGUAGES.contains(chosen) ? chosen : "en";
  }

  /**
   * Speaks {@code language} in the usage help of {@code root} and all its subcommands: English is
   * the annotations' text.
   */
  static void apply(CommandLine root, String language) {
    ResourceBundle bundle = bundle(language);
    if (bundle == null) {
      // a command line that spoke another language before speaks English again
      root.setResourceBundle(null);
      root.setHelpFactory(Help::new);
      return;
    }
    root.setResourceBundle(bundle);
    root.setHelpFactory(TranslatedLabels::new);
  }

  /** The bundle of a language, or null for English (the annotations are its text). */
  static ResourceBundle bundle(String language) {
    if (!Messages.LANGUAGES.contains(language) || language.equals("en")) {
      return null;
    }
    return BUNDLES.computeIfAbsent(language, HelpLanguage::load);
  }

  private static ResourceBundle load(String language) {
    String path = "/i18n/help_" + language + ".properties";
    try (InputStream in = HelpLanguage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("help bundle " + path + " is missing from the build");
      }
      // read as UTF-8 whatever java.util.PropertyResourceBundle.encoding says
      return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * A parameter label as shown in {@code command}'s help: each word that has a {@code paramLabel.}
   * key (qualified by the command's name first, as picocli looks up) in the translation; the rest
   * (punctuation, values typed as they are) unchanged.
   */
  static String label(CommandSpec command, String label) {
    CommandLine.Model.Messages messages = command.usageMessage().messages();
    if (label == null || CommandLine.Model.Messages.empty(messages)) {
      return label;
    }
    Matcher word = WORD.matcher(label);
    StringBuilder out = new StringBuilder();
    while (word.find()) {
      String translated = messages.getString("paramLabel." + word.group(), word.group());
      word.appendReplacement(out, Matcher.quoteReplacement(translated));
    }
    word.appendTail(out);
    return out.toString();
  }

  /** picocli's usage help with its parameter labels translated. */
  private static final class TranslatedLabels extends Help {
    private final IParamLabelRenderer labels;

    TranslatedLabels(CommandSpec command, ColorScheme colors) {
      super(command, colors);
      IParamLabelRenderer english = super.parameterLabelRenderer();
      this.labels =
          new IParamLabelRenderer() {
            @Override
            public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
              String translated = label(command, arg.paramLabel());
              if (translated == null || translated.equals(arg.paramLabel())) {
                return english.renderParameterLabel(arg, ansi, styles);
              }
              // a copy with the label translated, so that arity, optional brackets and "..." are
              // rendered as picocli renders them
              ArgSpec copy =
                  arg instanceof OptionSpec o
                      ? o.toBuilder().paramLabel(translated).build()
                      : ((PositionalParamSpec) arg).toBuilder().paramLabel(translated).build();
              return english.renderParameterLabel(copy, ansi, styles);
            }

            @Override
            public String separator() {
              return english.separator();
            }
          };
    }

    @Override
    public IParamLabelRenderer parameterLabelRenderer() {
      return labels;
    }

    /**
     * The synopsis of argument groups ({@code (CODE | --none)}), which picocli renders with a label
     * renderer of its own: each of their labels replaced, as a whole word, by its translation.
     */
    @Override
    protected Text createDetailedSynopsisGroupsText(Set<ArgSpec> groupArgs) {
      Text text = super.createDetailedSynopsisGroupsText(groupArgs);
      for (ArgSpec arg : groupArgs) {
        String translated = label(commandSpec(), arg.paramLabel());
        if (translated != null && !translated.equals(arg.paramLabel())) {
          List<IStyle> styles =
              arg.isOption() ? colorScheme().optionParamStyles() : colorScheme().parameterStyles();
          text = replaceWord(text, arg.paramLabel(), colorScheme().apply(translated, styles));
        }
      }
      return text;
    }

    private static Text replaceWord(Text text, String word, Text with) {
      String plain = text.plainString();
      Text out = text.substring(0, 0);
      int done = 0;
      for (int at = plain.indexOf(word); at >= 0; at = plain.indexOf(word, at + word.length())) {
        int end = at + word.length();
        boolean whole =
            (at == 0 || !partOfWord(plain.charAt(at - 1)))
                && (end == plain.length() || !partOfWord(plain.charAt(end)));
        if (whole) {
          out = out.concat(text.substring(done, at)).concat(with);
          done = end;
        }
      }
      return out.concat(text.substring(done));
    }

    private static boolean partOfWord(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
  }
}
