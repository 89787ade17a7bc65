#!/usr/bin/env bash
# The main job: build Padlock, then run an unmodified HttpsServer + HttpClient demo in a JVM
# configured only by META-INF-templates/java.security.padlock.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package -pl provider,demo -am
exec java -Djava.security.properties=META-INF-templates/java.security.padlock \
  -cp provider/target/padlock-provider-0.1.0-SNAPSHOT.jar:demo/target/classes \
  dev.padlock.demo.Demo
