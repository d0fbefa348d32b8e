using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform.Security;

namespace SkillsAcademy.UnitTests.Web.Platform.Security;

/// <summary>The per-user circuit cap: counted on open, released on close, refused past the limit, visitors not counted.</summary>
public sealed class CircuitLimiterTests
{
    private readonly CircuitCounts _counts = new();

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private static ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    private (CircuitLimiter Handler, CircuitAdmission Admission) Circuit(ClaimsPrincipal user, int max = 2)
    {
        var admission = new CircuitAdmission();
        var handler = new CircuitLimiter(_counts, admission, new FixedUser(user),
            Options.Create(new CircuitLimitsOptions { MaxPerUser = max }), NullLogger<CircuitLimiter>.Instance);
        return (handler, admission);
    }

    // The handler never looks at the circuit itself.
    private static Circuit AnyCircuit => null!;

    [Fact]
    public async Task The_circuit_past_the_cap_is_refused_and_a_closed_one_makes_room_again()
    {
        var first = Circuit(User("u1"));
        var second = Circuit(User("u1"));
        var third = Circuit(User("u1"));

        await first.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);
        await second.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);
        await third.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);

        first.Admission.Refused.ShouldBeFalse();
        second.Admission.Refused.ShouldBeFalse();
        third.Admission.Refused.ShouldBeTrue();
        _counts.CountOf("u1").ShouldBe(2, "a refused circuit is not counted");

        await third.Handler.OnCircuitClosedAsync(AnyCircuit, CancellationToken.None);
        _counts.CountOf("u1").ShouldBe(2, "closing a refused circuit frees nothing");
        await first.Handler.OnCircuitClosedAsync(AnyCircuit, CancellationToken.None);
        await first.Handler.OnCircuitClosedAsync(AnyCircuit, CancellationToken.None);
        _counts.CountOf("u1").ShouldBe(1, "a circuit is released once");

        var fourth = Circuit(User("u1"));
        await fourth.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);
        fourth.Admission.Refused.ShouldBeFalse();
    }

    [Fact]
    public async Task Users_have_caps_of_their_own_and_visitors_are_not_counted()
    {
        var one = Circuit(User("a"), max: 1);
        var other = Circuit(User("b"), max: 1);
        var visitor = Circuit(new ClaimsPrincipal(new ClaimsIdentity()), max: 1);

        await one.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);
        await other.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);
        await visitor.Handler.OnCircuitOpenedAsync(AnyCircuit, CancellationToken.None);

        new[] { one, other, visitor }.ShouldAllBe(c => !c.Admission.Refused);
        _counts.CountOf("a").ShouldBe(1);
        _counts.CountOf("b").ShouldBe(1);
    }

    [Fact]
    public void Concurrent_opens_never_admit_more_than_the_cap()
    {
        var admitted = Enumerable.Range(0, 200).AsParallel().Count(_ => _counts.TryOpen("busy", 5));

        admitted.ShouldBe(5);
        _counts.CountOf("busy").ShouldBe(5);
    }

    [Fact]
    public void Limits_out_of_range_are_named_in_the_failures()
    {
        CircuitLimitsOptions.Validate(new CircuitLimitsOptions { MaxPerUser = 0, JSInteropTimeoutSeconds = 0 })
            .ShouldBe(["Circuits:MaxPerUser must be between 1 and 100; it is 0.", "Circuits:JSInteropTimeoutSeconds must be between 1 and 600; it is 0."]);
        CircuitLimitsOptions.Validate(new CircuitLimitsOptions()).ShouldBeEmpty();
    }
}
