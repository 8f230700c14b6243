// Package provider implements the Tributary Terraform provider with the
// terraform-plugin-framework. One file per resource or data source; the API client it
// uses is generated from api/openapi.yaml into internal/client.
package provider

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tributary-io/terraform-provider-tributary/internal/client"
)

// Environment variables the provider falls back to when an argument is not configured.
const (
	EnvEndpoint = "TRIBUTARY_ENDPOINT"
	EnvAPIKey   = "TRIBUTARY_API_KEY"
	EnvProject  = "TRIBUTARY_PROJECT"
)

var _ provider.Provider = &tributaryProvider{}

type tributaryProvider struct {
	version string
}

// New returns a constructor of the provider, as providerserver.Serve expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &tributaryProvider{version: version}
	}
}

type providerModel struct {
	Endpoint types.String `tfsdk:"endpoint"`
	APIKey   types.String `tfsdk:"api_key"`
	Project  types.String `tfsdk:"project"`
}

// apiContext is what Configure hands to every resource and data source.
type apiContext struct {
	api     *client.APIClient
	project string
}

func (p *tributaryProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "tributary"
	resp.Version = p.version
}

func (p *tributaryProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Tributary provider orders and manages Apache Kafka instances, their topics, " +
			"SASL users and ACLs on a Tributary control plane through its REST API (`/api/v1`): a self-hosted " +
			"managed Apache Kafka service.\n\nThe control plane limits the rate of changes per API key; a change " +
			"it refuses for that (HTTP 429) is sent again after the `Retry-After` it gives (at most 6 times, " +
			"waiting at most a minute each time), so large applies do not fail on it.",
		Attributes: map[string]schema.Attribute{
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "Base URL of the control plane, e.g. `https://tributary.example.com`. " +
					"Falls back to the `" + EnvEndpoint + "` environment variable.",
				Optional: true,
			},
			"api_key": schema.StringAttribute{
				MarkdownDescription: "API key (`trb_...`) sent as a bearer token. Create one in the console or with " +
					"`POST /api/v1/api-keys`. Falls back to the `" + EnvAPIKey + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"project": schema.StringAttribute{
				MarkdownDescription: "Id (UUID) of the project the resources belong to; `GET /api/v1/me` lists the " +
					"caller's projects. Falls back to the `" + EnvProject + "` environment variable.",
				Optional: true,
			},
		},
	}
}

func (p *tributaryProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	settings := []struct {
		value *types.String
		attr  string
		env   string
	}{
		{&cfg.Endpoint, "endpoint", EnvEndpoint},
		{&cfg.APIKey, "api_key", EnvAPIKey},
		{&cfg.Project, "project", EnvProject},
	}
	resolved := map[string]string{}
	for _, s := range settings {
		if s.value.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(s.attr), "Unknown provider argument",
				"The provider cannot be configured with a value known only after apply. Set `"+s.attr+
					"` to a static value or use the "+s.env+" environment variable.")
			continue
		}
		v := s.value.ValueString()
		if s.value.IsNull() {
			v = os.Getenv(s.env)
		}
		if strings.TrimSpace(v) == "" {
			resp.Diagnostics.AddAttributeError(path.Root(s.attr), "Missing provider argument",
				"Set `"+s.attr+"` in the provider block or the "+s.env+" environment variable.")
			continue
		}
		resolved[s.attr] = strings.TrimSpace(v)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	data := &apiContext{
		api:     newAPIClient(resolved["endpoint"], resolved["api_key"], "terraform-provider-tributary/"+p.version),
		project: resolved["project"],
	}
	resp.DataSourceData = data
	resp.ResourceData = data
}

// newAPIClient builds the generated client for one endpoint and API key. Requests the
// control plane rate-limits (429) are sent again after its Retry-After (retry.go); each
// attempt times out on its own, so there is no timeout on the http.Client as a whole.
func newAPIClient(endpoint, apiKey, userAgent string) *client.APIClient {
	cfg := client.NewConfiguration()
	cfg.Servers = client.ServerConfigurations{{URL: strings.TrimRight(endpoint, "/")}}
	cfg.UserAgent = userAgent
	cfg.AddDefaultHeader("Authorization", "Bearer "+apiKey)
	cfg.HTTPClient = &http.Client{Transport: newRateLimitTransport(http.DefaultTransport)}
	return client.NewAPIClient(cfg)
}

func (p *tributaryProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewInstanceResource,
		NewTopicResource,
		NewUserResource,
		NewACLResource,
	}
}

func (p *tributaryProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewFlavorsDataSource,
		NewAvailabilityZonesDataSource,
		NewInstanceDataSource,
	}
}

// resourceAPI and dataSourceAPI are embedded by every resource and data source: their
// Configure takes the apiContext the provider's Configure hands out.
type resourceAPI struct {
	api *apiContext
}

func (r *resourceAPI) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if c, ok := apiContextFrom(req.ProviderData, &resp.Diagnostics); ok {
		r.api = c
	}
}

type dataSourceAPI struct {
	api *apiContext
}

func (d *dataSourceAPI) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if c, ok := apiContextFrom(req.ProviderData, &resp.Diagnostics); ok {
		d.api = c
	}
}

// apiContextFrom unpacks the provider data; nil while the provider is not yet configured
// (Terraform calls Configure on resources before the provider during validation).
func apiContextFrom(data any, diags *diag.Diagnostics) (*apiContext, bool) {
	if data == nil {
		return nil, true
	}
	c, ok := data.(*apiContext)
	if !ok {
		diags.AddError("Provider not configured", "unexpected provider data; this is a bug in the provider, please report it")
		return nil, false
	}
	return c, true
}
