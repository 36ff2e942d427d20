import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

let validator: Validation.JsonStrictValidator | undefined;

/**
 * Validates a JSON document against the CycloneDX 1.6 JSON schema (the strict variant the library ships:
 * no properties beyond the specification). Resolves to undefined when valid, else to the schema errors.
 */
export async function validateSbom(json: string): Promise<unknown> {
  validator ??= new Validation.JsonStrictValidator(Spec.Version.v1dot6);
  const errors: unknown = await validator.validate(json);
  return errors ?? undefined;
}
