package dev.ccr.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between SDK models and the plain attribute maps of {@link LiveClient}, driven by the
 * SDK's field metadata: the updatable members are exactly the members of UpdateUserPoolClient
 * except the two identifiers, so members the SDK gains are carried without code changes.
 */
public final class AttributeMapper {
  private static final Set<String> IDENTIFIERS = Set.of("UserPoolId", "ClientId");

  /** The updatable members of UpdateUserPoolClientRequest, by member name, in SDK order. */
  private static final Map<String, SdkField<?>> UPDATABLE = updatableFields();

  /** The sub-keys of each nested member (TokenValidityUnits, ...), in SDK order. */
  private static final Map<String, List<String>> SUB_KEYS = subKeysOfNestedMembers();

  private AttributeMapper() {}

  /**
   * The sub-keys of a nested attribute ({@code TokenValidityUnits}: {@code AccessToken}, {@code
   * IdToken}, {@code RefreshToken}) in the order of the SDK's model; empty for any other attribute.
   */
  public static List<String> subKeys(String member) {
    return SUB_KEYS.getOrDefault(member, List.of());
  }

  /** The member names that {@link #toRequest} accepts. */
  static Set<String> updatableMembers() {
    return UPDATABLE.keySet();
  }

  /**
   * The updatable members set on {@code model} (a DescribeUserPoolClient result), as plain values.
   * Members that are unset or hold an unset auto-construct list are left out; so is every member
   * that is not updatable (the secret and the dates among them).
   */
  static Map<String, Object> toAttributes(SdkPojo model) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (SdkField<?> field : model.sdkFields()) {
      if (UPDATABLE.containsKey(field.memberName())) {
        plain(field, field.getValueOrDefault(model))
            .ifPresent(value -> attributes.put(field.memberName(), value));
      }
    }
    return attributes;
  }

  /**
   * An UpdateUserPoolClient request that carries exactly the members of {@code configuration}.
   *
   * @throws IllegalArgumentException for a key that is not an updatable member, a null, or a value
   *     of the wrong kind
   */
  static UpdateUserPoolClientRequest toRequest(
      String userPoolId, String clientId, Map<String, Object> configuration) {
    UpdateUserPoolClientRequest.Builder builder =
        UpdateUserPoolClientRequest.builder().userPoolId(userPoolId).clientId(clientId);
    fill(builder, configuration);
    return builder.build();
  }

  /**
   * A CreateUserPoolClient request that carries exactly the members of {@code configuration} (the
   * updatable members, which CreateUserPoolClient shares) and GenerateSecret.
   *
   * @throws IllegalArgumentException as {@link #toRequest}
   */
  static CreateUserPoolClientRequest toCreateRequest(
      String userPoolId, Map<String, Object> configuration, boolean generateSecret) {
    CreateUserPoolClientRequest.Builder builder =
        CreateUserPoolClientRequest.builder().userPoolId(userPoolId).generateSecret(generateSecret);
    fill(builder, configuration);
    return builder.build();
  }

  /** Sets the members of {@code configuration} on a request builder, by the builder's fields. */
  private static void fill(SdkPojo builder, Map<String, Object> configuration) {
    Map<String, SdkField<?>> fields = byName(builder.sdkFields());
    for (String key : configuration.keySet()) {
      if (!UPDATABLE.containsKey(key) || !fields.containsKey(key)) {
        throw new IllegalArgumentException(
            "not an updatable member of UpdateUserPoolClient: " + key);
      }
    }
    configuration.forEach(
        (name, value) -> fields.get(name).set(builder, sdkValue(fields.get(name), name, value)));
  }

  private static Optional<Object> plain(SdkField<?> field, Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList<?>
        || value instanceof SdkAutoConstructMap<?, ?>) {
      return Optional.empty();
    }
    if (value instanceof SdkPojo pojo) {
      return Optional.of(Collections.unmodifiableMap(toNestedMap(pojo)));
    }
    if (value instanceof List<?> list) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(plain(member, item).orElseThrow()));
      return Optional.of(List.copyOf(items));
    }
    if (value instanceof String || value instanceof Integer || value instanceof Boolean) {
      return Optional.of(value);
    }
    throw new IllegalStateException(
        "unsupported type " + value.getClass().getName() + " for member " + field.memberName());
  }

  private static Map<String, Object> toNestedMap(SdkPojo pojo) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      plain(field, field.getValueOrDefault(pojo)).ifPresent(v -> map.put(field.memberName(), v));
    }
    return map;
  }

  private static Object sdkValue(SdkField<?> field, String path, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null value for " + path);
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return expect(String.class, path, value);
    }
    if (type == MarshallingType.BOOLEAN) {
      return expect(Boolean.class, path, value);
    }
    if (type == MarshallingType.INTEGER) {
      return toInteger(path, value);
    }
    if (type == MarshallingType.LIST) {
      return toList(field, path, value);
    }
    if (type == MarshallingType.SDK_POJO) {
      return toPojo(field, path, value);
    }
    throw new IllegalStateException("unsupported SDK type " + type + " for " + path);
  }

  private static Integer toInteger(String path, Object value) {
    Number number = expect(Number.class, path, value);
    if (number instanceof Integer integer) {
      return integer;
    }
    if (number instanceof Long || number instanceof Short || number instanceof Byte) {
      try {
        return Math.toIntExact(number.longValue());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(path + " is out of the integer range: " + number);
      }
    }
    throw new IllegalArgumentException(path + " must be an integer, not " + number);
  }

  private static List<Object> toList(SdkField<?> field, String path, Object value) {
    List<?> list = expect(List.class, path, value);
    SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(sdkValue(member, path + "[" + i + "]", list.get(i)));
    }
    return items;
  }

  private static Object toPojo(SdkField<?> field, String path, Object value) {
    Map<?, ?> map = expect(Map.class, path, value);
    SdkPojo builder = field.constructor().get();
    Map<String, SdkField<?>> fields = byName(builder.sdkFields());
    map.forEach(
        (key, nestedValue) -> {
          SdkField<?> nested = fields.get(key);
          if (nested == null) {
            throw new IllegalArgumentException("not a member of " + path + ": " + key);
          }
          nested.set(builder, sdkValue(nested, path + "." + key, nestedValue));
        });
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static <T> T expect(Class<T> type, String path, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          path + " must be a " + type.getSimpleName() + ", not " + value.getClass().getName());
    }
    return type.cast(value);
  }

  private static Map<String, SdkField<?>> byName(List<SdkField<?>> fields) {
    Map<String, SdkField<?>> map = new LinkedHashMap<>();
    fields.forEach(field -> map.put(field.memberName(), field));
    return map;
  }

  private static Map<String, List<String>> subKeysOfNestedMembers() {
    Map<String, List<String>> subKeys = new LinkedHashMap<>();
    UPDATABLE.forEach(
        (name, field) -> {
          if (field.marshallingType() == MarshallingType.SDK_POJO) {
            List<String> names = new ArrayList<>();
            field.constructor().get().sdkFields().forEach(f -> names.add(f.memberName()));
            subKeys.put(name, List.copyOf(names));
          }
        });
    return Collections.unmodifiableMap(subKeys);
  }

  private static Map<String, SdkField<?>> updatableFields() {
    Map<String, SdkField<?>> fields = byName(UpdateUserPoolClientRequest.builder().sdkFields());
    fields.keySet().removeAll(IDENTIFIERS);
    return Collections.unmodifiableMap(fields);
  }
}
