using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Internal
{
    /// <summary>ErrorRecords with the ErrorId, category and advice PowerShell users and scripts rely on.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord For(Exception failure, object? target)
        {
            if (failure is IntercomApiException api)
            {
                var record = new ErrorRecord(api, "Intercom." + api.ErrorType, CategoryFor(api), target);
                var advice = AdviceFor(api);
                if (advice is not null) record.ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = advice };
                return record;
            }
            if (failure is NotSupportedException) return new ErrorRecord(failure, "Intercom.not_supported", ErrorCategory.NotImplemented, target);
            return new ErrorRecord(failure, "Intercom.invalid_argument", ErrorCategory.InvalidArgument, target);
        }

        /// <summary>No session at all, or one that Disconnect-Intercom closed.</summary>
        public static ErrorRecord NoSession(IntercomSession? closed)
        {
            var message = closed is null
                ? "There is no Intercom session. Run Connect-Intercom first, or pass -Session."
                : $"The Intercom session for app '{closed.AppId}' was disconnected. Run Connect-Intercom again.";
            return new ErrorRecord(new InvalidOperationException(message), "Intercom.no_session", ErrorCategory.ConnectionError, closed)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Run Connect-Intercom -AccessToken (Read-Host -AsSecureString), or set INTERCOM_ACCESS_TOKEN (or INTERCOM_APP_ID and INTERCOM_API_KEY for v1) and run Connect-Intercom.",
                },
            };
        }

        private static ErrorCategory CategoryFor(IntercomApiException failure)
        {
            if (failure is IntercomLookupException lookup) return lookup.FoundNone ? ErrorCategory.ObjectNotFound : ErrorCategory.NotSpecified;
            if (failure.ErrorType == IntercomApiException.TimeoutType) return ErrorCategory.OperationTimeout;
            if (failure.ErrorType == IntercomApiException.InvalidResponseType) return ErrorCategory.InvalidResult;
            if (failure.ErrorType == IntercomApiException.ListMovingType) return ErrorCategory.ResourceBusy;
            if (failure.StatusCode is null) return ErrorCategory.ConnectionError;
            return (int)failure.StatusCode switch
            {
                >= 300 and < 400 => ErrorCategory.ProtocolError,
                400 or 413 or 415 or 422 => ErrorCategory.InvalidArgument,
                401 or 407 => ErrorCategory.AuthenticationError,
                402 => ErrorCategory.InvalidOperation,
                403 => ErrorCategory.PermissionDenied,
                404 => ErrorCategory.ObjectNotFound,
                409 => ErrorCategory.ResourceExists,
                429 => ErrorCategory.LimitsExceeded,
                >= 500 => ErrorCategory.ResourceUnavailable,
                _ => ErrorCategory.NotSpecified,
            };
        }

        private static string? AdviceFor(IntercomApiException failure) => failure.ErrorType == IntercomApiException.ResponseLostType
            ? "The request may have been applied: check before repeating it; retry only what certainly was not."
            : (int?)failure.StatusCode switch
        {
            401 => $"Check {failure.Credential ?? "the credentials"}, then run Connect-Intercom again.",
            407 => "Check the proxy's address and credential (Connect-Intercom -Proxy -ProxyCredential, or HTTPS_PROXY), then run Connect-Intercom again.",
            429 => "Intercom is rate limiting this app: run fewer requests at once, or try again later.",
            >= 500 => "Intercom failed to handle the request; try again later.",
            _ => null,
        };
    }
}
