package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// protoV6ProviderFactories serves the provider in-process to the acceptance tests.
var protoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"tributary": providerserver.NewProtocol6WithError(New("test")()),
}

// TestProviderSchema checks the schemas the way Terraform receives them: valid, and
// every attribute documented.
func TestProviderSchema(t *testing.T) {
	server, err := protoV6ProviderFactories["tributary"]()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}

	wantResources := []string{"tributary_instance", "tributary_topic", "tributary_user", "tributary_acl"}
	wantDataSources := []string{"tributary_flavors", "tributary_availability_zones", "tributary_instance"}
	if len(resp.ResourceSchemas) != len(wantResources) {
		t.Errorf("resources: %d, want %v", len(resp.ResourceSchemas), wantResources)
	}
	if len(resp.DataSourceSchemas) != len(wantDataSources) {
		t.Errorf("data sources: %d, want %v", len(resp.DataSourceSchemas), wantDataSources)
	}

	check := func(kind, name string, s *tfprotov6.Schema) {
		if s == nil {
			t.Errorf("%s %s missing", kind, name)
			return
		}
		if s.Block.Description == "" {
			t.Errorf("%s %s has no description", kind, name)
		}
		var walk func(prefix string, attrs []*tfprotov6.SchemaAttribute)
		walk = func(prefix string, attrs []*tfprotov6.SchemaAttribute) {
			for _, a := range attrs {
				if strings.TrimSpace(a.Description) == "" {
					t.Errorf("%s %s: attribute %s%s has no description", kind, name, prefix, a.Name)
				}
				if a.NestedType != nil {
					walk(prefix+a.Name+".", a.NestedType.Attributes)
				}
			}
		}
		walk("", s.Block.Attributes)
	}
	check("provider", "tributary", resp.Provider)
	for _, n := range wantResources {
		check("resource", n, resp.ResourceSchemas[n])
	}
	for _, n := range wantDataSources {
		check("data source", n, resp.DataSourceSchemas[n])
	}

	admin := findAttr(resp.ResourceSchemas["tributary_instance"], "security", "admin_password")
	if admin == nil || !admin.Sensitive {
		t.Errorf("security.admin_password must be sensitive: %+v", admin)
	}
	if key := findAttr(resp.Provider, "api_key"); key == nil || !key.Sensitive {
		t.Errorf("api_key must be sensitive: %+v", key)
	}
	password := findAttr(resp.ResourceSchemas["tributary_user"], "password")
	if password == nil || !password.Sensitive || !password.Optional || !password.Computed || password.WriteOnly {
		t.Errorf("tributary_user.password must be optional, computed and sensitive (kept in state): %+v", password)
	}
	for _, attr := range []string{"security_protocol", "client_properties", "ca_certificate", "tls_enabled", "sasl_mechanisms", "bootstrap_servers"} {
		if a := findAttr(resp.ResourceSchemas["tributary_instance"], "connection_info", attr); a == nil || !a.Computed {
			t.Errorf("tributary_instance connection_info.%s must be computed: %+v", attr, a)
		}
		if a := findAttr(resp.DataSourceSchemas["tributary_instance"], "connection_info", attr); a == nil || !a.Computed {
			t.Errorf("data source tributary_instance connection_info.%s must be computed: %+v", attr, a)
		}
	}
}

func findAttr(s *tfprotov6.Schema, names ...string) *tfprotov6.SchemaAttribute {
	if s == nil {
		return nil
	}
	attrs := s.Block.Attributes
	var found *tfprotov6.SchemaAttribute
	for _, n := range names {
		found = nil
		for _, a := range attrs {
			if a.Name == n {
				found = a
			}
		}
		if found == nil {
			return nil
		}
		if found.NestedType != nil {
			attrs = found.NestedType.Attributes
		}
	}
	return found
}
