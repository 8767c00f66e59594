#pragma once
// A value or the ApiError that explains why there is none.
#include "status.h"

#include <utility>
#include <variant>

namespace timoneiro::api {

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(ApiError error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(v_); }
    const T &value() const { return std::get<0>(v_); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const ApiError &error() const { return std::get<1>(v_); }

private:
    std::variant<T, ApiError> v_;
};

}  // namespace timoneiro::api
