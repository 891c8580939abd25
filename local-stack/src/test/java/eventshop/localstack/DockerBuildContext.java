package eventshop.localstack;

import com.github.dockerjava.core.GoLangFileMatch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `docker build` would send and what an image build needs, worked out without a Docker engine: the build context
 * is the context folder with its {@code .dockerignore} applied (Docker's rules: {@code #} comments, Go
 * {@code filepath.Match} patterns plus {@code **}, a pattern also excludes what lies under a matching folder, the last
 * matching line wins and {@code !} re-includes; the matching itself is docker-java's {@link GoLangFileMatch}), and
 * {@link #missingFrom} lists what a Dockerfile copies, or the Maven build it runs reads, that the context lacks.
 */
final class DockerBuildContext {

    /** Folders that are never sources: build output, installed packages, version control. */
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern OUTSIDE_MODULE = Pattern.compile("\\$\\{(?:project\\.)?basedir}/\\.\\./([^<\\s\"]+)");

    private final Path root;
    private final List<String> ignorePatterns;
    private final Set<String> files;

    private DockerBuildContext(Path root, List<String> ignorePatterns, Set<String> files) {
        this.root = root;
        this.ignorePatterns = ignorePatterns;
        this.files = files;
    }

    /** The context a build from this folder gets. */
    static DockerBuildContext of(Path contextDir) {
        Path root = contextDir.toAbsolutePath().normalize();
        List<String> patterns = readIgnoreFile(root.resolve(".dockerignore"));
        boolean anyException = patterns.stream().anyMatch(p -> p.startsWith("!"));
        Set<String> files = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Docker skips an excluded folder unless an exception could bring back something inside it.
                    return !dir.equals(root) && !anyException && ignored(patterns, relative(root, dir))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = relative(root, file);
                    if (!ignored(patterns, name)) {
                        files.add(name);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DockerBuildContext(root, patterns, files);
    }

    Set<String> files() {
        return files;
    }

    boolean contains(String relativePath) {
        return files.contains(relativePath);
    }

    /**
     * Everything the image build of this Dockerfile needs that the context lacks, one sentence each: COPY/ADD sources
     * (with the build arguments substituted) that match nothing in the context, and the files the Maven build in a RUN
     * step reads (the wrapper, the poms, the built modules' sources and whatever their poms take from outside the
     * module, such as {@code ${project.basedir}/../documentation}) that exist in the repository but not in the context.
     */
    List<String> missingFrom(Path dockerfile, Map<String, String> buildArgs) {
        List<String> missing = new ArrayList<>();
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction instruction : Instruction.parse(dockerfile)) {
            switch (instruction.keyword()) {
                case "FROM" -> args.keySet().retainAll(Set.of()); // an ARG is scoped to its stage
                case "ARG" -> {
                    String[] nameAndDefault = instruction.arguments().split("=", 2);
                    String name = nameAndDefault[0].trim();
                    args.put(name, buildArgs.getOrDefault(name, nameAndDefault.length > 1 ? unquote(nameAndDefault[1]) : ""));
                }
                case "COPY", "ADD" -> {
                    List<String> words = instruction.words();
                    if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                        continue; // copies from another stage, not from the context
                    }
                    List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
                    for (String source : paths.subList(0, Math.max(0, paths.size() - 1))) {
                        String resolved = substitute(source, args);
                        if (!resolved.matches("^[a-z]+://.*") && !matchesAny(resolved)) {
                            missing.add("%s line %d: %s %s matches nothing in the build context"
                                    .formatted(dockerfile.getFileName(), instruction.line(), instruction.keyword(), resolved));
                        }
                    }
                }
                case "RUN" -> {
                    if (instruction.arguments().matches("(?s).*\\b(mvnw|mvn)\\b.*")) {
                        missing.addAll(missingForMaven(instruction.arguments()));
                    }
                }
                default -> {
                }
            }
        }
        return missing;
    }

    private List<String> missingForMaven(String command) {
        List<String> missing = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>();
        needed.add("pom.xml");
        if (command.contains("mvnw")) {
            needed.add("mvnw");
            needed.addAll(sourceFilesUnder(".mvn"));
        }
        for (String module : modulesBuiltBy(command)) {
            needed.addAll(filesIn(module)); // pom.xml, and settings beside it such as openapi.properties
            needed.addAll(sourceFilesUnder(module + "/src"));
            for (String outside : readFromOutside(module)) {
                if (!contains(outside)) {
                    missing.add("%s/pom.xml reads %s, which the build context lacks".formatted(module, outside));
                }
            }
        }
        for (String file : needed) {
            if (Files.isRegularFile(root.resolve(file)) && !contains(file)) {
                missing.add("the Maven build reads %s, which the build context lacks".formatted(file));
            }
        }
        return missing;
    }

    /** The reactor's modules that {@code -pl} selects ({@code !module} drops one; {@code -am} adds dependencies). */
    List<String> modulesBuiltBy(String command) {
        List<String> all = modules();
        Matcher pl = Pattern.compile("(?:-pl|--projects)[\\s=]+['\"]?([^'\"\\s]+)").matcher(command);
        if (!pl.find()) {
            return all;
        }
        List<String> selected = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (String entry : pl.group(1).split(",")) {
            if (entry.startsWith("!")) {
                dropped.add(entry.substring(1));
            } else {
                selected.add(entry);
            }
        }
        for (String module : dropped) {
            if (!all.contains(module)) {
                throw new AssertionError("-pl drops " + module + ", which is no module of the reactor");
            }
        }
        Set<String> built = new LinkedHashSet<>(selected.isEmpty() ? all : selected);
        if (command.matches("(?s).*(\\s-am\\b|--also-make\\b).*")) {
            for (boolean grew = true; grew; ) {
                Set<String> withDependencies = new LinkedHashSet<>(built);
                built.forEach(module -> withDependencies.addAll(reactorDependencies(module, all)));
                grew = withDependencies.size() > built.size();
                built = withDependencies;
            }
        }
        built.removeAll(dropped);
        return List.copyOf(built);
    }

    /** Files of the repository that a module's pom takes from outside the module: resource folders and paths. */
    List<String> readFromOutside(String module) {
        Path moduleDir = root.resolve(module);
        Document pom = xml(moduleDir.resolve("pom.xml"));
        Set<String> read = new TreeSet<>();
        NodeList directories = pom.getElementsByTagName("directory");
        Set<Node> handled = new LinkedHashSet<>();
        for (int i = 0; i < directories.getLength(); i++) {
            Element directory = (Element) directories.item(i);
            Matcher outside = OUTSIDE_MODULE.matcher(directory.getTextContent().trim());
            if (!outside.find()) {
                continue;
            }
            handled.add(directory);
            String dir = relative(root, moduleDir.resolve("../" + outside.group(1)).normalize());
            List<String> includes = childTexts((Element) directory.getParentNode(), "includes", "include");
            List<PathMatcher> matchers = includes.isEmpty() ? List.of(FileSystems.getDefault().getPathMatcher("glob:**"))
                    : includes.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
            for (String file : sourceFilesUnder(dir)) {
                Path inside = Path.of(dir).relativize(Path.of(file));
                if (matchers.stream().anyMatch(m -> m.matches(inside))) {
                    read.add(file);
                }
            }
        }
        // Any other ${project.basedir}/../ path (a <file>, a plugin argument): the file, or everything under the folder.
        Matcher other = OUTSIDE_MODULE.matcher(text(pom.getDocumentElement(), handled));
        while (other.find()) {
            String path = relative(root, moduleDir.resolve("../" + other.group(1)).normalize());
            read.addAll(Files.isDirectory(root.resolve(path)) ? sourceFilesUnder(path) : List.of(path));
        }
        return List.copyOf(read);
    }

    private List<String> modules() {
        return childTexts(xml(root.resolve("pom.xml")).getDocumentElement(), "modules", "module");
    }

    private List<String> reactorDependencies(String module, List<String> all) {
        Document pom = xml(root.resolve(module).resolve("pom.xml"));
        String group = childText(xml(root.resolve("pom.xml")).getDocumentElement(), "groupId");
        List<String> found = new ArrayList<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String artifact = childText(dependency, "artifactId");
            if (group.equals(childText(dependency, "groupId")) && all.contains(artifact)) {
                found.add(artifact);
            }
        }
        return found;
    }

    /** The files directly in that folder (not in its sub-folders). */
    private List<String> filesIn(String dir) {
        try (var files = Files.list(root.resolve(dir))) {
            return files.filter(Files::isRegularFile).map(f -> relative(root, f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's files under that folder, without build output. */
    private List<String> sourceFilesUnder(String dir) {
        Path start = root.resolve(dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return NOT_SOURCES.contains(d.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    found.add(relative(root, file));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A COPY source: a file, a folder holding files, or a wildcard (Go filepath.Match) matching something. */
    private boolean matchesAny(String source) {
        String pattern = Path.of(source.replaceFirst("^/+", "")).normalize().toString();
        if (pattern.isEmpty() || pattern.equals(".")) {
            return !files.isEmpty();
        }
        return files.stream().anyMatch(file -> GoLangFileMatch.match(pattern, file));
    }

    static boolean ignored(List<String> patterns, String relativePath) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            if (GoLangFileMatch.match(exception ? pattern.substring(1) : pattern, relativePath)) {
                ignored = !exception; // the last matching line decides
            }
        }
        return ignored;
    }

    private static List<String> readIgnoreFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            boolean exception = trimmed.startsWith("!");
            String pattern = exception ? trimmed.substring(1).trim() : trimmed;
            // Docker cleans each pattern (filepath.Clean) and matches it against paths relative to the context root.
            pattern = Path.of(pattern.replaceFirst("^/+", "")).normalize().toString();
            patterns.add(exception ? "!" + pattern : pattern);
        }
        return patterns;
    }

    private static String substitute(String word, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = args.getOrDefault(name, "");
            if (value.isEmpty() && m.group(2) != null) {
                value = m.group(2);
            }
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return result.toString();
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
                ? v.substring(1, v.length() - 1) : v;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static List<String> childTexts(Element parent, String listName, String itemName) {
        List<String> texts = new ArrayList<>();
        for (Node list = parent.getFirstChild(); list != null; list = list.getNextSibling()) {
            if (list instanceof Element l && l.getTagName().equals(listName)) {
                for (Node item = l.getFirstChild(); item != null; item = item.getNextSibling()) {
                    if (item instanceof Element i && i.getTagName().equals(itemName)) {
                        texts.add(i.getTextContent().trim());
                    }
                }
            }
        }
        return texts;
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    /** The text of the element, without the subtrees already handled. */
    private static String text(Node node, Set<Node> skip) {
        if (skip.contains(node)) {
            return "";
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            return node.getNodeValue();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            text.append(text(child, skip)).append(' ');
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Dockerfile instruction, continuation lines joined. */
    record Instruction(int line, String keyword, String arguments) {

        static List<Instruction> parse(Path dockerfile) {
            List<Instruction> instructions = new ArrayList<>();
            String[] lines = read(dockerfile).split("\n", -1);
            StringBuilder current = new StringBuilder();
            int start = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].stripTrailing();
                if (current.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                    continue; // blank lines and comments (parser directives included)
                }
                if (!current.isEmpty() && line.stripLeading().startsWith("#")) {
                    continue; // a comment inside a continued instruction
                }
                if (current.isEmpty()) {
                    start = i + 1;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String text = current.toString().trim();
                current.setLength(0);
                String[] keywordAndRest = text.split("\\s+", 2);
                instructions.add(new Instruction(start, keywordAndRest[0].toUpperCase(),
                        keywordAndRest.length > 1 ? keywordAndRest[1] : ""));
            }
            return instructions;
        }

        /** The arguments as words: the JSON array form or whitespace-separated. */
        List<String> words() {
            String args = arguments.trim();
            if (args.startsWith("[")) {
                List<String> words = new ArrayList<>();
                Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(args);
                while (quoted.find()) {
                    words.add(quoted.group(1));
                }
                return words;
            }
            List<String> flags = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String word : args.split("\\s+")) {
                (word.startsWith("--") && rest.isEmpty() ? flags : rest).add(word);
            }
            if (!rest.isEmpty() && rest.get(0).startsWith("[")) {
                return concat(flags, new Instruction(line, keyword, String.join(" ", rest)).words());
            }
            return concat(flags, rest);
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
