# syntax=docker/dockerfile:1
# One image recipe for every service. The build context is the repository root; the service is a build argument:
#   docker build --build-arg SERVICE=orders-service --build-arg PORT=3000 -t eventshop/orders-service .
# docker compose passes both (docker-compose.yml, build.args). A new service module needs no line here: the build stage
# builds every module of the reactor, and a service image only picks its jar.

# ---- build: every service jar, once --------------------------------------------------------------------------------
# This stage reads no build argument, so BuildKit builds it once and every service image reuses it.
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
# The whole context: .dockerignore keeps out build output, the git directory and what no Maven build reads.
COPY . .
# The Maven repository is a BuildKit cache, kept between builds. local-stack (a Kafka broker for ./start.sh) and
# e2e-tests (browser tests) make no image.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dmaven.test.skip=true -pl '!local-stack,!e2e-tests' package

# ---- run: a JRE 17, as a non-root user -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy
ARG SERVICE
ARG PORT=8080
RUN test -n "$SERVICE" || { echo 'build argument SERVICE (the module to run, e.g. orders-service) is missing' >&2; exit 1; } \
 && groupadd --system --gid 10001 eventshop \
 && useradd --system --uid 10001 --gid eventshop --home-dir /app --shell /usr/sbin/nologin eventshop \
 && mkdir -p /app/state && chown eventshop:eventshop /app/state
# /app/state: a service's local state (analytics-service's Kafka Streams stores); a volume mounted there starts with
# this owner, so the non-root user can write it.
WORKDIR /app
COPY --from=build --chown=eventshop:eventshop /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER eventshop:eventshop

# Heap sized from the container's memory limit (compose sets mem_limit), leaving 40% for metaspace, thread stacks,
# code cache and Netty's direct buffers; SerialGC and small stacks suit one or two CPUs.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError" \
    MICRONAUT_SERVER_PORT=${PORT} \
    SERVICE_NAME=${SERVICE} \
    LOG_FORMAT=JSON
EXPOSE ${PORT}

# /health answers 200 only when the service, its database and Kafka are UP (503 otherwise): the status line decides,
# not a "status":"UP" in the body, which a DOWN answer also holds for its healthy parts. bash's /dev/tcp: no curl needed.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MICRONAUT_SERVER_PORT} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# exec: java is PID 1 and gets SIGTERM directly, so the service shuts down gracefully (producers flush, consumers commit).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
