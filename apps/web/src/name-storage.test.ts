import { afterEach, describe, expect, it, vi } from "vitest";
import { loadIdentity, loadRememberedName, rememberIdentity, rememberName } from "./name-storage";

/** A localStorage in memory, or one that refuses every call (private mode, storage disabled). */
function stubStorage(broken = false): Map<string, string> {
  const items = new Map<string, string>();
  const refuse = () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  };
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => (broken ? refuse() : (items.get(key) ?? null)),
    setItem: (key: string, value: string) => (broken ? refuse() : void items.set(key, value)),
  });
  return items;
}

describe("the device's memory", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("keeps the name and the identity token in localStorage, where they outlive the tab", () => {
    const items = stubStorage();
    expect(loadIdentity()).toBeUndefined();
    rememberName("Ada");
    rememberIdentity("identity-1");
    expect(items).toEqual(
      new Map([
        ["lobby:name", "Ada"],
        ["lobby:identity", "identity-1"],
      ]),
    );
    expect(loadRememberedName()).toBe("Ada");
    expect(loadIdentity()).toBe("identity-1");
  });

  it("forgets harmlessly when storage refuses", () => {
    stubStorage(true);
    expect(() => rememberIdentity("identity-1")).not.toThrow();
    expect(loadIdentity()).toBeUndefined();
    expect(loadRememberedName()).toBe("");
  });
});
