using System.Globalization;
using System.Text.Json;
using Governance.Core.Lottery;

namespace Governance.Core.Tests.Domain;

/// <summary>
/// The web client recomputes lottery draws in the browser (web-client/src/lottery/draw.ts)
/// and its Vitest test checks that against web-client/src/lottery/draw.fixture.json. This
/// test holds the fixture to the server's own <see cref="LotteryDraw"/>, so both
/// implementations answer to the same bytes.
/// </summary>
public sealed class WebClientLotteryFixtureTests
{
    [Fact]
    public void TheWebClientsDrawFixtureAgreesWithTheServersLotteryDraw()
    {
        var fixture = JsonDocument.Parse(File.ReadAllText(FixturePath())).RootElement;
        var seed = LotteryDraw.Seed(fixture.GetProperty("periodId").GetString()!, Convert.FromHexString(fixture.GetProperty("headHash").GetString()!));

        Assert.Equal(fixture.GetProperty("seed").GetString(), Convert.ToHexStringLower(seed));
        var entries = fixture.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("drawn").GetBoolean());
        Assert.Contains(entries, e => !e.GetProperty("drawn").GetBoolean());
        Assert.All(entries, e =>
        {
            var member = long.Parse(e.GetProperty("memberNumber").GetString()!, CultureInfo.InvariantCulture);
            var probability = e.GetProperty("probability").GetDouble();
            var ticket = ulong.Parse(e.GetProperty("ticket").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(ticket / 18446744073709551616.0, LotteryDraw.Ticket(seed, member));
            Assert.Equal(LotteryDraw.IsDrawn(seed, member, probability), e.GetProperty("drawn").GetBoolean());
        });
    }

    private static string FixturePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "web-client", "src", "lottery", "draw.fixture.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("web-client/src/lottery/draw.fixture.json not found above " + AppContext.BaseDirectory);
    }
}
