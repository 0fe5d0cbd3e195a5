# A container that builds a showcase site: a static binary on an empty
# image. Build it with `docker build -t showcase .`, then, in a site
# folder: docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" showcase --compress
# (the arguments after the image are those of `showcase build`).
# .ci/run checks the build stage's command without Docker.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The same line .ci/run runs: a static, reproducible binary, optimized
# with the build's own profile (scripts/pgo-profile).
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -pgo=cmd/showcase/release.pgo -o /out/showcase ./cmd/showcase

FROM scratch
COPY --from=build /out/showcase /showcase
WORKDIR /site
ENTRYPOINT ["/showcase", "build", "--source", "/site"]
