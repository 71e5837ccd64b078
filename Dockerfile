# ConflictTracker web app image. Docker does not run on the project's own machines (see
# docs/decisions/ADR-001-postgres-without-docker.md), so this file is written carefully but untested here.
#
#   docker build -t conflicttracker .
#   docker run --rm -e ConnectionStrings__Default="Host=...;Database=...;Username=...;Password=..." conflicttracker migrate
#   docker run -p 5080:8080 -e ConnectionStrings__Default="..." conflicttracker
#
# No HEALTHCHECK here: the aspnet image ships neither curl nor wget. docker-compose.yml checks
# /health/ready with bash's /dev/tcp instead.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so that a change to the code does not invalidate
# the (slow) package restore layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ConflictTracker.Domain/ConflictTracker.Domain.csproj src/ConflictTracker.Domain/
COPY src/ConflictTracker.Web/ConflictTracker.Web.csproj src/ConflictTracker.Web/
RUN dotnet restore src/ConflictTracker.Web/ConflictTracker.Web.csproj

COPY src/ src/
RUN dotnet publish src/ConflictTracker.Web/ConflictTracker.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080
COPY --from=build /app ./
# The image's non-root "app" user; the published files stay owned by root, read-only to the app.
USER $APP_UID
EXPOSE 8080
# "migrate [--seed-demo]" as arguments runs the operator command instead of the web server.
ENTRYPOINT ["dotnet", "ConflictTracker.Web.dll"]
