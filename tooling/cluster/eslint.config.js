import base from "@lobby/eslint-config/base";

export default [...base];
