// Command terraform-provider-tributary is the Terraform provider for Tributary, a
// self-hosted managed Apache Kafka service.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/tributary-io/terraform-provider-tributary/internal/provider"
)

// Documentation: examples/ and templates/ feed tfplugindocs, which writes docs/.
//go:generate go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0 generate --provider-name tributary

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/tributary-io/tributary",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
