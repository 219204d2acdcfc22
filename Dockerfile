# syntax=docker/dockerfile:1
# newsgraph as a static binary on a distroless base (CA certificates and time
# zones included, no shell, runs as nonroot). docker-compose.yml builds it for
# its scheduled re-ingest service:
#
#   docker build --build-arg VERSION=$(git describe --always --dirty) -t newsgraph .
#   docker run --rm -v "$PWD/testdata:/corpus:ro" -v newsgraph-data:/data \
#     -e NEWSGRAPH_STORE=/data/newsgraph.db newsgraph ingest /corpus

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/newsgraph ./cmd/newsgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["schedule", "--every", "1h", "/corpus"]
