import base from "@lobby/eslint-config/base";
import * as layers from "@lobby/eslint-config/layers";

// test/consumer is a project of its own outside the workspace's types; package.test.ts type-checks it.
export default [{ ignores: ["test/consumer/**"] }, ...base, ...layers.client];
