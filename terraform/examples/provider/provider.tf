terraform {
  required_providers {
    tributary = {
      source = "tributary-io/tributary"
    }
  }
}

# Every argument can come from the environment instead:
# TRIBUTARY_ENDPOINT, TRIBUTARY_API_KEY, TRIBUTARY_PROJECT.
provider "tributary" {
  endpoint = "https://tributary.example.com"
  api_key  = var.tributary_api_key
  project  = "0b7c0c39-5d3c-4b8f-8a9d-3e0c2f1a4b5d"
}

variable "tributary_api_key" {
  type      = string
  sensitive = true
}
