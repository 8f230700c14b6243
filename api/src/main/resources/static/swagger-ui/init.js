window.ui = SwaggerUIBundle({ url: '/v3/api-docs', dom_id: '#swagger-ui' });
