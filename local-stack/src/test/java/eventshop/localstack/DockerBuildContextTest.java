package eventshop.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests do, so this works out the build context each image gets (the repository with
 * .dockerignore applied) and fails when a Dockerfile's COPY source, or a file the Maven build in the image reads, lies
 * outside it. It would have caught web-ui's image shipping without the architecture picture (.dockerignore dropped
 * documentation/, which web-ui's pom copies into the jar).
 */
class DockerBuildContextTest {

    static final Path ROOT = ComposeFileTest.ROOT;
    static final Compose COMPOSE = ComposeFileTest.COMPOSE;

    @Test
    void everyImageFindsWhatItCopiesAndWhatItsMavenBuildReadsInItsBuildContext() {
        Map<String, Compose.Build> builds = COMPOSE.builds();
        assertThat(builds).as("services docker-compose.yml builds").isNotEmpty();
        List<String> missing = new ArrayList<>();
        builds.forEach((service, build) -> {
            Path contextDir = ROOT.resolve(build.context()).normalize();
            DockerBuildContext context = DockerBuildContext.of(contextDir);
            context.missingFrom(contextDir.resolve(build.dockerfile()), build.args())
                    .forEach(problem -> missing.add(service + ": " + problem));
        });
        assertThat(missing).as("what the image builds need but .dockerignore leaves out of their context").isEmpty();
    }

    @Test
    void theServicesShareOneDockerfileAndPickTheirModuleByBuildArgument() throws IOException {
        for (String service : ComposeFileTest.PORTS.keySet()) {
            Compose.Build build = COMPOSE.builds().get(service);
            assertThat(build).as("build of %s", service).isNotNull();
            assertThat(build.context()).isEqualTo(".");
            assertThat(build.dockerfile()).isEqualTo("Dockerfile");
            assertThat(build.args()).containsEntry("SERVICE", service)
                    .containsEntry("PORT", String.valueOf(ComposeFileTest.PORTS.get(service)));
            assertThat(ROOT.resolve(service).resolve("target/" + service + ".jar").getFileName().toString())
                    .as("the jar the Dockerfile picks").isEqualTo(service + ".jar");
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<String> dockerfiles = files
                    .filter(f -> f.getFileName().toString().equals("Dockerfile"))
                    .map(f -> ROOT.relativize(f).toString())
                    .filter(f -> !f.contains("target/") && !f.contains("node_modules/"))
                    .toList();
            assertThat(dockerfiles).as("one Dockerfile for every service: a new one needs a compose entry, not a copy")
                    .containsExactly("Dockerfile");
        }
    }

    @Test
    void webUiImageGetsTheArchitecturePictureItsPomCopies() {
        DockerBuildContext context = DockerBuildContext.of(ROOT);
        assertThat(context.readFromOutside("web-ui"))
                .contains("documentation/architecture.png", "documentation/architecture.md",
                        "documentation/diagrams/architecture.mmd", "platform/src/main/resources/eventshop-logback.xml");
        assertThat(context.files()).contains("documentation/architecture.png", "mvnw", ".mvn/wrapper/maven-wrapper.properties")
                .noneMatch(f -> f.contains("/target/") || f.startsWith(".git/") || f.startsWith("documentation/demo/"));
    }

    // ---- the check itself, on a small repository made for the purpose --------------------------------------------

    @Test
    void aResourceThePomTakesFromAnIgnoredFolderIsReported(@TempDir Path repo) throws IOException {
        writeRepository(repo, "documentation\n");

        List<String> missing = DockerBuildContext.of(repo).missingFrom(repo.resolve("Dockerfile"), Map.of());

        assertThat(missing).containsExactly("web/pom.xml reads documentation/picture.png, which the build context lacks");
    }

    @Test
    void anExceptionLineBringsBackWhatAnEarlierLineIgnored(@TempDir Path repo) throws IOException {
        writeRepository(repo, """
                # the pictures only
                documentation
                !documentation/*.png
                **/target
                """);

        DockerBuildContext context = DockerBuildContext.of(repo);

        assertThat(context.missingFrom(repo.resolve("Dockerfile"), Map.of())).isEmpty();
        assertThat(context.files()).contains("documentation/picture.png", "web/src/main/java/A.java")
                .doesNotContain("documentation/notes.md", "web/target/web.jar", "# the pictures only");
    }

    @Test
    void aCopySourceOutsideTheContextIsReportedWithItsBuildArgumentSubstituted(@TempDir Path repo) throws IOException {
        writeRepository(repo, "web/src\n");
        Files.writeString(repo.resolve("Dockerfile"), """
                FROM temurin AS build
                ARG MODULE=unused
                COPY pom.xml mvnw ./
                COPY ${MODULE}/src \\
                     ${MODULE}/src
                FROM temurin
                COPY --from=build /src/web/target/web.jar /app.jar
                """);

        List<String> missing = DockerBuildContext.of(repo).missingFrom(repo.resolve("Dockerfile"), Map.of("MODULE", "web"));

        assertThat(missing).containsExactly("Dockerfile line 4: COPY web/src matches nothing in the build context");
    }

    @Test
    void aSettingsFileBesideTheModulePomIsReadToo(@TempDir Path repo) throws IOException {
        writeRepository(repo, "**/openapi.properties\n");
        write(repo, "web/openapi.properties", "micronaut.openapi.filename=openapi\n");

        List<String> missing = DockerBuildContext.of(repo).missingFrom(repo.resolve("Dockerfile"), Map.of());

        assertThat(missing).containsExactly("the Maven build reads web/openapi.properties, which the build context lacks");
    }

    @Test
    void aModuleSourceTheContextLacksIsReportedForTheModulesTheBuildSelects(@TempDir Path repo) throws IOException {
        writeRepository(repo, "**/java\n");

        List<String> missing = DockerBuildContext.of(repo).missingFrom(repo.resolve("Dockerfile"), Map.of());

        assertThat(missing).containsExactly("the Maven build reads web/src/main/java/A.java, which the build context lacks");
        assertThat(DockerBuildContext.of(repo).modulesBuiltBy("./mvnw -pl '!skipped' package")).containsExactly("web");
        assertThat(DockerBuildContext.of(repo).modulesBuiltBy("./mvnw -pl skipped -am package")).containsExactly("skipped", "web");
    }

    /**
     * A reactor of two modules: web (its pom copies ../documentation/*.png into its jar) and skipped (dropped by -pl,
     * depending on web); a Dockerfile copying everything and building with the wrapper.
     */
    private static void writeRepository(Path repo, String dockerignore) throws IOException {
        write(repo, "pom.xml", """
                <project><groupId>shop</groupId><artifactId>root</artifactId>
                  <modules><module>web</module><module>skipped</module></modules></project>""");
        write(repo, "mvnw", "#!/bin/sh\n");
        write(repo, ".mvn/wrapper/maven-wrapper.properties", "distributionUrl=x\n");
        write(repo, "web/pom.xml", """
                <project><artifactId>web</artifactId><build><resources><resource>
                  <directory>${project.basedir}/../documentation</directory>
                  <includes><include>*.png</include></includes>
                </resource></resources></build></project>""");
        write(repo, "web/src/main/java/A.java", "class A {}\n");
        write(repo, "web/target/web.jar", "built\n");
        write(repo, "skipped/pom.xml", """
                <project><artifactId>skipped</artifactId><dependencies>
                  <dependency><groupId>shop</groupId><artifactId>web</artifactId></dependency>
                </dependencies><build><resources><resource><directory>${project.basedir}/../secret</directory>
                </resource></resources></build></project>""");
        write(repo, "secret/never-read-by-web.txt", "x\n");
        write(repo, "documentation/picture.png", "png\n");
        write(repo, "documentation/notes.md", "notes\n");
        write(repo, ".dockerignore", dockerignore + "secret\n");
        write(repo, "Dockerfile", """
                # syntax=docker/dockerfile:1
                FROM temurin AS build
                COPY . .
                RUN --mount=type=cache,target=/root/.m2 \\
                    ./mvnw -B -q -pl '!skipped' package
                FROM temurin
                COPY --from=build /src/web/target/web.jar /app.jar
                """);
    }

    private static void write(Path repo, String file, String content) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
