using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests;

/// <summary>
/// Sign-in back-off over HTTP with clients told apart by address: anyone may know the admin's
/// handle, and guessing it from one address must not keep the admin out from another.
/// </summary>
public sealed class SignInSafetyTests : IDisposable
{
    private readonly ClientAddressFactory factory = new() { DemoMembers = 10 };

    public void Dispose() => factory.Dispose();

    private HttpClient From(string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFactory.Header, address);
        return client;
    }

    [Fact]
    public async Task GuessesFromOneAddressNeverKeepTheOwnerOutOnAnother()
    {
        using (var registering = ApiClient.CreateCookieClient(factory))
        {
            await ApiClient.RegisterAsync(registering, "ada");
        }

        using var attacker = From("203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await attacker.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "ada", password = "guess " + i })).StatusCode);
        }

        using var owner = From("198.51.100.23");
        var signedIn = await owner.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "ada", password = ApiClient.Password });

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var stillHeld = await attacker.PostAsJsonAsync("/api/account/sign-in", new { handleOrEmail = "ada", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, stillHeld.StatusCode);
        Assert.Contains("wait", (await stillHeld.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The app with the client's address taken from a test header (the test server has none).</summary>
    private sealed class ClientAddressFactory : GovernanceApiFactory
    {
        public const string Header = "X-Test-Client-Address";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SignInAttemptsPerMinute", "1000");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AddressFromHeader()));
        }

        private sealed class AddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, then) =>
                {
                    if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
                    {
                        context.Connection.RemoteIpAddress = ip;
                    }

                    return then(context);
                });
                next(app);
            };
        }
    }
}
