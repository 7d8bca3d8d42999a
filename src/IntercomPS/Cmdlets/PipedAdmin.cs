using System;
using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// The object piped into an admin cmdlet (Get-IntercomAdmin -Id, Set-IntercomAdmin), kept in a hidden -InputObject
    /// so the one place that decides whether it names an admin can see it: a team, user, tag, company, segment or away
    /// reason binds its own Id to the admin id by name, and would be taken for the admin with that id (a 404, or the
    /// wrong admin: both are small integers). Those are refused, saying what to pipe or pass instead; an admin, a
    /// thread (its AdminAssigneeId), an admin author, the session (its AdminId) and objects from outside the module
    /// (CSV rows, hashtables) bind by name as before.
    /// </summary>
    internal sealed class PipedAdmin
    {
        private readonly RuntimeDefinedParameter _input;

        /// <param name="parameters">The cmdlet's composed parameters, which -InputObject joins.</param>
        /// <param name="parameterSet">The set that takes admins from the pipeline; all the cmdlet's sets unless it has one for ids.</param>
        public PipedAdmin(RuntimeDefinedParameterDictionary parameters, string parameterSet = ParameterAttribute.AllParameterSets) =>
            _input = ComposedParameters.Add(parameters, "InputObject", typeof(PSObject),
                new ParameterAttribute { ParameterSetName = parameterSet, ValueFromPipeline = true, DontShow = true });

        /// <summary>The piped object itself, which a refusal carries as its TargetObject; null when nothing is piped.</summary>
        public PSObject? InputObject => (PSObject?)_input.Value;

        /// <summary>The piped admin, whose name a -WhatIf or -Confirm message can show; null for anything else.</summary>
        public Admin? Admin => InputObject?.BaseObject as Admin;

        /// <summary>Why the piped object names no admin, or null when it may (or nothing is piped).</summary>
        public ArgumentException? Refusal() => NotAnAdmin(InputObject?.BaseObject) is { } why ? new ArgumentException(why) : null;

        private static string? NotAnAdmin(object? piped) => piped switch
        {
            null or IntercomPS.Admin or MessageThread or IntercomSession => null,
            MessageAuthor { IsAdmin: true } => null,
            MessageAuthor author => $"The author '{author}' is a {author.Type ?? "user"}, not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            Team team => $"Team '{team.Name}' is not an admin: pipe its admins instead, Get-IntercomAdmin -Id (Get-IntercomTeam -Name '{team.Name}').AdminIds.",
            AwayReason reason => $"Away reason '{reason.Label}' is not an admin: pass its Id to Set-IntercomAdmin -ReasonId instead.",
            User user => $"User '{user}' is a contact, not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            Tag tag => $"Tag '{tag.Name}' is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            Company company => $"Company '{company}' is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            Segment segment => $"Segment '{segment}' is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            // Any other of the module's own objects (a note, a data attribute, a thread's part...) names no admin either.
            _ when piped.GetType().Assembly == typeof(IntercomPS.Admin).Assembly => $"A {piped.GetType().Name} is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
            _ => null,
        };
    }
}
