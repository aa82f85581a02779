using System.Buffers;
using System.Text.Json;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;

namespace Governance.GraphQL.Http.WebSockets;

/// <summary>The messages of graphql-transport-ws: reading, checking and answering them.</summary>
public sealed partial class GraphQLWebSocketSession
{
    private async Task HandleMessageAsync(ReadOnlyMemory<byte> text)
    {
        // "Receiving a message of a type or format which is not specified in this document will
        // result in an immediate socket closure with the event 4400" (PROTOCOL.md, Invalid message).
        if (!TryReadMessage(text.Span, out var message))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case MessageTypes.ConnectionInit:
                await OnConnectionInitAsync(message.Payload).ConfigureAwait(false);
                break;
            case MessageTypes.Ping:
                await SendAsync(Serialize(MessageTypes.Pong, id: null, message.Payload)).ConfigureAwait(false);
                break;
            case MessageTypes.Pong:
                break;
            case MessageTypes.Subscribe:
                await OnSubscribeAsync(message.Id!, message.Request!).ConfigureAwait(false);
                break;
            case MessageTypes.Complete:
                // Completing an unknown or finished id is not an error (PROTOCOL.md, Complete).
                if (_operations.TryRemove(message.Id!, out var operation))
                {
                    operation.Cancel();
                }

                break;
        }
    }

    private async Task OnConnectionInitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        if (_initReceived)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        _initReceived = true;
        var decision = _initHandler is null
            ? ConnectionInitResult.Accept
            : await _initHandler.OnConnectAsync(payload, _transportContext, _session.Token).ConfigureAwait(false);
        if (!decision.Accepted)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        _operationContext = decision.Context ?? _transportContext;
        _acknowledged = true;
        await SendAsync(Serialize(MessageTypes.ConnectionAck, id: null, decision.AckPayload)).ConfigureAwait(false);
    }

    private async Task OnSubscribeAsync(string id, GraphQLRequest request)
    {
        if (!_acknowledged)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (_operations.Count >= _options.WebSocket.MaxOperationsPerConnection && !_operations.ContainsKey(id))
        {
            await SendAsync(SerializeErrors(id, [new GraphQLError(
                $"At most {_options.WebSocket.MaxOperationsPerConnection} operations may be active on one connection.")])).ConfigureAwait(false);
            return;
        }

        var operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(_session.Token));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Cancellation.Dispose();
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {LimitReason(id)} already exists").ConfigureAwait(false);
            return;
        }

        _running.TryAdd(operation, 0);
        operation.Completion = Task.Run(() => RunOperationAsync(id, request, operation));
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, Operation operation)
    {
        var token = operation.Cancellation.Token;
        try
        {
            if (_persisted is not null)
            {
                var (resolved, refusal) = _persisted.Resolve(request);
                if (resolved is null)
                {
                    if (IsActive(id, operation))
                    {
                        await SendAsync(SerializeErrors(id, [refusal!])).ConfigureAwait(false);
                    }

                    return;
                }

                request = resolved;
            }

            var prepared = _executor.Prepare(request);
            if (prepared.Operation is not { } prepared1)
            {
                // Parse and validation errors end the operation with an error message, no complete.
                if (IsActive(id, operation))
                {
                    await SendAsync(SerializeErrors(id, prepared.Errors)).ConfigureAwait(false);
                }

                return;
            }

            if (prepared1.OperationType == OperationType.Subscription)
            {
                await foreach (var result in _executor.SubscribeAsync(prepared1, request, _operationContext, token).WithCancellation(token).ConfigureAwait(false))
                {
                    if (!IsActive(id, operation))
                    {
                        return;
                    }

                    if (!result.HasData)
                    {
                        await SendAsync(SerializeErrors(id, result.Errors)).ConfigureAwait(false);
                        return;
                    }

                    await SendAsync(SerializeNext(id, result)).ConfigureAwait(false);
                }
            }
            else
            {
                using var timeout = new CancellationTokenSource(_options.ExecutionTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
                ExecutionResult result;
                try
                {
                    result = await _executor.ExecuteAsync(prepared1, request, _operationContext, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    if (IsActive(id, operation))
                    {
                        await SendAsync(SerializeErrors(id, [GraphQLHttpHandler.TimeoutError()])).ConfigureAwait(false);
                    }

                    return;
                }

                // A result that resolves after the client completed the operation is not sent.
                if (!IsActive(id, operation))
                {
                    return;
                }

                // A request error (no "data": variables did not coerce, a limit was exceeded)
                // means nothing ran: like a validation error it ends the operation with "error".
                if (!result.HasData)
                {
                    await SendAsync(SerializeErrors(id, result.Errors)).ConfigureAwait(false);
                    return;
                }

                await SendAsync(SerializeNext(id, result)).ConfigureAwait(false);
            }

            if (IsActive(id, operation))
            {
                await SendAsync(Serialize(MessageTypes.Complete, id, payload: null)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client completed the operation, or the socket closed.
        }
        catch (Exception e)
        {
            // An engine fault: its details go to the host's log, never to the client.
            _onUnexpectedError?.Invoke(e);
            if (IsActive(id, operation))
            {
                await SendAsync(SerializeErrors(id, [new GraphQLError("Unexpected Execution Error")])).ConfigureAwait(false);
            }
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            _running.TryRemove(operation, out _);
            operation.Cancellation.Dispose();
        }
    }

    private bool IsActive(string id, Operation operation) =>
        !operation.Cancellation.IsCancellationRequested
        && _operations.TryGetValue(id, out var current)
        && ReferenceEquals(current, operation);

    // Close reasons are limited to 123 bytes by RFC 6455 §5.5.
    private static string LimitReason(string id) => id.Length <= 80 ? id : id[..80] + "…";

    /// <summary>
    /// Reads and checks a client message as PROTOCOL.md shapes it: an object with a string
    /// "type"; init/ping/pong payloads are objects or null; subscribe has a non-empty string id
    /// and a payload with a string query, and optional operationName, variables, extensions.
    /// </summary>
    private static bool TryReadMessage(ReadOnlySpan<byte> text, out ClientMessage message)
    {
        message = default;
        Dictionary<string, object?> map;
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            map = JsonValueReader.ReadObject(ref reader);
            if (reader.Read())
            {
                return false;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }

        if (!map.TryGetValue("type", out var typeValue) || typeValue is not string type)
        {
            return false;
        }

        map.TryGetValue("payload", out var payload);
        map.TryGetValue("id", out var idValue);
        switch (type)
        {
            case MessageTypes.ConnectionInit or MessageTypes.Ping or MessageTypes.Pong:
                if (payload is not (null or Dictionary<string, object?>))
                {
                    return false;
                }

                message = new ClientMessage(type, null, payload as Dictionary<string, object?>, null);
                return true;
            case MessageTypes.Subscribe:
                if (idValue is not string { Length: > 0 } subscribeId
                    || payload is not Dictionary<string, object?> body
                    || !body.TryGetValue("query", out var query) || query is not string queryText
                    || body.GetValueOrDefault("operationName") is not (null or string)
                    || body.GetValueOrDefault("variables") is not (null or Dictionary<string, object?>)
                    || body.GetValueOrDefault("extensions") is not (null or Dictionary<string, object?>))
                {
                    return false;
                }

                message = new ClientMessage(type, subscribeId, null, new GraphQLRequest(
                    queryText,
                    body.GetValueOrDefault("operationName") as string,
                    body.GetValueOrDefault("variables") as Dictionary<string, object?>,
                    body.GetValueOrDefault("extensions") as Dictionary<string, object?>));
                return true;
            case MessageTypes.Complete:
                if (idValue is not string { Length: > 0 } completeId)
                {
                    return false;
                }

                message = new ClientMessage(type, completeId, null, null);
                return true;
            default:
                // Includes connection_ack, next and error: server-to-client types a client may not send.
                return false;
        }
    }

    private static byte[] Serialize(string type, string? id, IReadOnlyDictionary<string, object?>? payload) =>
        Write(writer =>
        {
            writer.WriteString("type"u8, type);
            if (id is not null)
            {
                writer.WriteString("id"u8, id);
            }

            if (payload is not null)
            {
                writer.WritePropertyName("payload"u8);
                GraphQLResponseWriter.WriteValue(writer, payload);
            }
        });

    private static byte[] SerializeNext(string id, ExecutionResult result) =>
        Write(writer =>
        {
            writer.WriteString("type"u8, MessageTypes.Next);
            writer.WriteString("id"u8, id);
            writer.WritePropertyName("payload"u8);
            GraphQLResponseWriter.Write(writer, result);
        });

    private static byte[] SerializeErrors(string id, IReadOnlyList<GraphQLError> errors) =>
        Write(writer =>
        {
            writer.WriteString("type"u8, MessageTypes.Error);
            writer.WriteString("id"u8, id);
            writer.WritePropertyName("payload"u8);
            GraphQLResponseWriter.WriteErrors(writer, errors);
        });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private readonly record struct ClientMessage(
        string Type,
        string? Id,
        IReadOnlyDictionary<string, object?>? Payload,
        GraphQLRequest? Request);
}
