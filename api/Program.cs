using Governance.Api.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.AddGraphQLTransport();

var app = builder.Build();
app.MapGraphQLEndpoints();
app.Run();

public partial class Program;
