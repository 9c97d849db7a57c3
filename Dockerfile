# Linli in a container: built from source in a first stage, run on a Java 17 runtime as a
# non-root user. docs/deployment.md explains it; compose.yaml runs two instances on Redis 7.
#
#   docker build -t linli .
#   docker run -p 8080:8080 -v linli-data:/var/lib/linli linli
#
# Without LINLI_REDIS_URL the container starts its embedded Redis with the data in the volume.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, so the dependencies are a layer of their own (kept while only code changes).
COPY pom.xml ./
COPY config/pom.xml config/
COPY knowledge-base/pom.xml knowledge-base/
COPY webhooks/pom.xml webhooks/
COPY bot/pom.xml bot/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl bot -am dependency:go-offline || true
COPY . .
RUN mvn -B -q -pl bot -am -DskipTests package

FROM eclipse-temurin:17-jre
# A font that draws Chinese (the result charts), and Redis 7 for the embedded Redis when no
# external one is set (the service prefers a packaged Redis 7 over the 6.2 binary in its jar).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-wqy-microhei redis-server \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/linli --shell /usr/sbin/nologin linli \
    && mkdir -p /var/lib/linli /opt/linli \
    && chown linli:linli /var/lib/linli
COPY --from=build /src/bot/target/linli.jar /opt/linli/linli.jar
USER linli
WORKDIR /var/lib/linli
ENV LINLI_DATA_DIR=/var/lib/linli \
    LINLI_HTTP_HOST=0.0.0.0 \
    LINLI_HTTP_PORT=8080
VOLUME ["/var/lib/linli"]
EXPOSE 8080
# SIGTERM (docker stop) drains HTTP and the outbox; give it the default 10 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/opt/linli/linli.jar"]
