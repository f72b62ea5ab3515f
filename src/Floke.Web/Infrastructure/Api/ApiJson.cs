using System.Text.Json;
using System.Text.Json.Serialization;
using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Insights;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Features.Search;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity.Data;

namespace Floke.Web.Infrastructure.Api;

/// <summary>The JSON shapes of every body the API reads and writes, written at compile time. Without them each endpoint
/// learned its body's shape by reflection (and emitted accessors) as the endpoints were built, before the app listened:
/// half a second of every cold start. A type missing here still works (found by reflection, as before); a test names it.
/// Enums are written as their names (<see cref="JsonStringEnumConverter"/> in the app's options applies here too).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
// Read
[JsonSerializable(typeof(OrganizationsApi.DecisionRequest))]
[JsonSerializable(typeof(OrganizationsApi.OrganizationRequest))]
[JsonSerializable(typeof(OrganizationsApi.OrganizationUpdate))]
[JsonSerializable(typeof(OrganizationsApi.VerifyRequest))]
[JsonSerializable(typeof(AdoptionsApi.AdoptionRequest))]
[JsonSerializable(typeof(AdoptionsApi.VersionRequest))]
[JsonSerializable(typeof(BarriersApi.BarrierRequest))]
[JsonSerializable(typeof(BarriersApi.StepRequest))]
[JsonSerializable(typeof(BenefitsApi.BenefitRequest))]
[JsonSerializable(typeof(BenefitsApi.InvestmentRequest))]
[JsonSerializable(typeof(MeasurementInput))]
[JsonSerializable(typeof(ExperimentsApi.ExperimentRequest))]
[JsonSerializable(typeof(ExperimentsApi.ExperimentUpdate))]
[JsonSerializable(typeof(ExperimentsApi.StatusRequest), TypeInfoPropertyName = "ExperimentStatusRequest")]
[JsonSerializable(typeof(InitiativesApi.GateDecisionRequest))]
[JsonSerializable(typeof(InitiativesApi.GateRequestBody))]
[JsonSerializable(typeof(InitiativesApi.InitiativeRequest))]
[JsonSerializable(typeof(InitiativesApi.InitiativeUpdate))]
[JsonSerializable(typeof(InitiativesApi.LessonRequest))]
[JsonSerializable(typeof(InitiativesApi.MilestoneDone))]
[JsonSerializable(typeof(InitiativesApi.MilestoneRequest))]
[JsonSerializable(typeof(InitiativesApi.PartnerRequest))]
[JsonSerializable(typeof(InitiativesApi.PartnershipAnswer))]
[JsonSerializable(typeof(InitiativesApi.VisibilityRequest))]
[JsonSerializable(typeof(NeedsApi.InvitationAnswer))]
[JsonSerializable(typeof(NeedsApi.NeedRequest))]
[JsonSerializable(typeof(NeedsApi.NeedUpdate))]
[JsonSerializable(typeof(NeedsApi.OwnerRequest))]
[JsonSerializable(typeof(NeedsApi.StatusRequest), TypeInfoPropertyName = "NeedStatusRequest")]
[JsonSerializable(typeof(OpenCallsApi.AwardRequest))]
[JsonSerializable(typeof(OpenCallsApi.CancelRequest))]
[JsonSerializable(typeof(OpenCallsApi.JuryRequest))]
[JsonSerializable(typeof(OpenCallsApi.OpenCallRequest))]
[JsonSerializable(typeof(OpenCallsApi.OpenCallUpdate))]
[JsonSerializable(typeof(OpenCallsApi.ProposalRequest))]
[JsonSerializable(typeof(OpenCallsApi.ProposalUpdate))]
[JsonSerializable(typeof(OpenCallsApi.ScoresRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(InfoRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(ResendConfirmationEmailRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(TwoFactorRequest))]
// Written
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(IReadOnlyList<MemberView>))]
[JsonSerializable(typeof(OrganizationsApi.MembershipCreated))]
[JsonSerializable(typeof(OrganizationView))]
[JsonSerializable(typeof(AdoptionView))]
[JsonSerializable(typeof(SpreadReport))]
[JsonSerializable(typeof(BarrierView))]
[JsonSerializable(typeof(Register))]
[JsonSerializable(typeof(BenefitMap))]
[JsonSerializable(typeof(BenefitsApi.ImportResult))]
[JsonSerializable(typeof(BenefitView))]
[JsonSerializable(typeof(FlowReport))]
[JsonSerializable(typeof(InvestmentView))]
[JsonSerializable(typeof(MeasurementRecorded))]
[JsonSerializable(typeof(OrganizationGains))]
[JsonSerializable(typeof(ExperimentView))]
[JsonSerializable(typeof(InitiativesApi.Created))]
[JsonSerializable(typeof(InitiativesApi.InitiativeDto))]
[JsonSerializable(typeof(InsightsReport))]
[JsonSerializable(typeof(NeedsApi.NeedDto))]
[JsonSerializable(typeof(Evaluation))]
[JsonSerializable(typeof(OpenCallView))]
[JsonSerializable(typeof(ProposalView))]
[JsonSerializable(typeof(SearchReport))]
[JsonSerializable(typeof(Paged<HistoryItem>))]
[JsonSerializable(typeof(Paged<OrganizationView>))]
[JsonSerializable(typeof(Paged<AdoptionSummary>))]
[JsonSerializable(typeof(Paged<BarrierSummary>))]
[JsonSerializable(typeof(Paged<BenefitSummary>))]
[JsonSerializable(typeof(Paged<InvestmentView>))]
[JsonSerializable(typeof(Paged<MeasurementView>))]
[JsonSerializable(typeof(Paged<ExperimentSummary>))]
[JsonSerializable(typeof(Paged<InitiativesApi.InitiativeListItem>))]
[JsonSerializable(typeof(Paged<LessonListItem>))]
[JsonSerializable(typeof(Paged<NeedsApi.NeedListItem>))]
[JsonSerializable(typeof(Paged<OpenCallSummary>))]
[JsonSerializable(typeof(Paged<ProposalSummary>))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(InfoResponse))]
[JsonSerializable(typeof(TwoFactorResponse))]
public sealed partial class ApiJson : JsonSerializerContext;
